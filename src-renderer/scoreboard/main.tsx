// Entry of the public scoreboard (a projector's page, /scoreboard): no login, no controls.
import { mount } from '../shared/mount.tsx';
import { App } from './App.tsx';
import '../shared/base.css';
import './styles.css';

mount(App);
