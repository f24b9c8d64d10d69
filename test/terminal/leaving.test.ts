import { mentorWithCurriculum } from '../helpers/knowledge';
import { terminalChat } from '../helpers/terminal-chat';

test.each(['quit', 'exit', 'Bye', '/quit'])(
  'GIVEN "%s" typed alone in the terminal chat THEN the chat says bye and ends, nothing after it is answered',
  async (word) => {
    const text = await terminalChat(mentorWithCurriculum(), [word, 'What is Docker?']);
    expect(text).toContain('Bye!');
    expect(text).not.toContain('Source:');
  },
);

test('GIVEN a question that contains "quit" THEN it is answered, not taken for leaving', async () => {
  const text = await terminalChat(mentorWithCurriculum(), ['When should I quit my job?']);
  expect(text).not.toContain('Bye!');
  expect(text).toContain('Source:');
});
