export { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from './control';
