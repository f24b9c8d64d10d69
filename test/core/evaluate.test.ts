import type { KnowledgeUnit } from '../../src/core/knowledge/types';
import { type EvalQuestion, scorePlainMiniSearch } from '../../src/core/search/evaluate';

const unit = (id: string, title: string, text: string): KnowledgeUnit => ({
  id,
  key: id,
  kind: 'section',
  title,
  path: ['Doc', title],
  childIds: [],
  file: 'doc.md',
  text,
  markdown: text,
  aliases: [],
  tags: [],
});

const units = [
  unit('caching', 'Caching', 'Redis keeps hot data in memory so reads are fast.'),
  unit('queues', 'Message queues', 'Kafka and RabbitMQ carry events between services.'),
];

describe('the behaviour shares of a question set (issue 11)', () => {
  // Plain MiniSearch answers whenever any word matches, so each kind of outcome is easy to provoke.
  const questions: EvalQuestion[] = [
    { q: 'what is redis', any: ['in memory'] }, // relevant answer
    { q: 'what does kafka do', any: ['in memory'] }, // answered, but nothing relevant
    { q: 'zzzz qqqq', any: ['in memory'] }, // answerable, refused
    { q: 'xxxx yyyy', none: true }, // honest refusal
    { q: 'is redis tasty', none: true }, // answered a question labelled none
  ];
  const scores = scorePlainMiniSearch(units, questions);

  test('GIVEN one relevant answer and one honest refusal of five THEN right behaviour is 40%', () => {
    expect(scores.right).toBeCloseTo(2 / 5);
  });

  test('GIVEN an unrelated answer and an answer to an off-topic question THEN 40% answered with nothing relevant', () => {
    expect(scores.irrelevant).toBeCloseTo(2 / 5);
  });

  test('GIVEN one answerable question met with "I don\'t know" THEN 20% refused answerable', () => {
    expect(scores.refused).toBeCloseTo(1 / 5);
  });

  test('the three shares cover every question once', () => {
    expect(scores.right + scores.irrelevant + scores.refused).toBeCloseTo(1);
    expect(scores.hit).toBeCloseTo(1 / 3);
    expect(scores.none).toBeCloseTo(1 / 2);
  });
});
