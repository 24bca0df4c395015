import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { OptionsApp } from './OptionsApp';

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
