// A person at the keyboard in component tests: keys 50 ms apart. userEvent's default (no delay) is a
// burst, which the counter's keyboard-wedge detector (renderer/features/card-wedge: 8+ keys under
// 40 ms apart) takes for a scanner; on a loaded machine a gap can split a typed ID number into a
// person's keys and a scanner's burst of its tail, read as an unresolved e-certificate code.
import userEvent from '@testing-library/user-event';

export const personTyping = () => userEvent.setup({ delay: 50 });
