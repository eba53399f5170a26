import { render } from 'preact';
import { Viewer } from '../../src/ui/Viewer';
import '../../src/ui/styles/page.css';

render(<Viewer search={location.search} />, document.getElementById('app') ?? document.body);
