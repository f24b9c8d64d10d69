import { asksForDecision } from '../../src/core/answers/choices';

describe('questions that ask for a decision', () => {
  test.each([
    'Should I learn Java?',
    'Should I still learn Java in 2024?',
    'should we really use Kubernetes for this?',
    'Frontend vs backend: which one is right for you?',
    'Which framework would you start with?',
    'Is Laravel still relevant?',
  ])('GIVEN %p THEN it asks which option to take', (q) => {
    expect(asksForDecision(q)).toBe(true);
  });

  test.each(['What is Java?', 'How do I learn Kubernetes?', 'Which one is the primary key here?'])(
    'GIVEN %p THEN it is not a decision',
    (q) => {
      expect(asksForDecision(q)).toBe(false);
    },
  );
});
