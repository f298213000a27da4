// Entry of the judges' console: mounts <App /> into #root, over the look it shares with the portal.
import { mount } from '../shared/mount.tsx';
import { App } from './App.tsx';
import '../shared/base.css';
import './styles.css';

mount(App);
