export { CONTROL_CHARACTER_MESSAGE, hasControlCharacter } from './control';
export { fillSlots } from './slots';
