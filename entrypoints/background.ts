import { registerBackgroundHandlers } from '../src/background/handlers';

export default defineBackground(() => {
  registerBackgroundHandlers();
});
