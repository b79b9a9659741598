export { ShortcutLayer } from './ShortcutLayer.tsx';
