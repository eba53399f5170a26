import { render } from 'preact';
import { Options } from '../../src/ui/Options';
import '../../src/ui/styles/page.css';

render(<Options />, document.getElementById('app') ?? document.body);
