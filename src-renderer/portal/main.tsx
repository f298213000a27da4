// Entry of the contestants' portal: mounts <App /> into #root, over the look it shares with the console.
import { mount } from '../shared/mount.tsx';
import { App } from './App.tsx';
import '../shared/base.css';
import './styles.css';

mount(App);
