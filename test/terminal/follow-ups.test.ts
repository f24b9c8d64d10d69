import { mentorWithCurriculum } from '../helpers/knowledge';
import { terminalChat } from '../helpers/terminal-chat';

test('GIVEN a terminal chat THEN "and Go?" is read as the previous question about Go, with its plan hint', async () => {
  const text = await terminalChat(mentorWithCurriculum(), ['Should I learn Python for backend?', 'and Go?']);
  expect(text).toContain('Plan it: plan python');
  expect(text).toContain('**Go**: Known for its concurrency');
  expect(text).toContain('Plan it: plan go');
});
