import { render } from 'preact';
import { Popup } from '../../src/ui/Popup';
import '../../src/ui/styles/page.css';

render(<Popup search={location.search} />, document.getElementById('app') ?? document.body);
