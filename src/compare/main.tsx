import { render } from 'preact';
import '../ui/theme.css';
import './compare.css';
import { ComparePage } from './ComparePage';

const root = document.getElementById('app');
if (root) render(<ComparePage search={location.search} />, root);
