import { saysExperienced } from '../../src/core/answers/about-user';
import { mentorAnswer } from '../../src/core/answers/mentoring';
import { parseKnowledgeFile } from '../../src/core/knowledge/markdown-loader';
import { createAnalyzer } from '../../src/core/search/analyzer';
import { SearchIndex } from '../../src/core/search/search-index';
import { lacksSubject } from '../../src/core/search/subjects';

const KNOWLEDGE = `# Learning

## Where do I start learning backend development, in what order?

Learn one language well, then HTTP and a framework, then a relational database, then deploy a small API.

## How do I write good tests?

Name each test by what it checks, keep it independent, and test behaviour rather than internals.

## How do I deploy an API?

Package it in a container, run it behind a reverse proxy and watch its logs and metrics.

## I was laid off: what should I do next?

Take a week to rest, file for what you are owed, then update your CV and tell your network you are looking.
`;

describe('start questions answered with the learning path only on a subject the knowledge has', () => {
  const units = parseKnowledgeFile('learning.md', KNOWLEDGE);
  const index = new SearchIndex(units, createAnalyzer([]));
  const ask = (q: string) => mentorAnswer(q, { index, units });

  test('GIVEN "where do I start" with no other subject THEN the answer is the learning path', () => {
    const answer = ask('where do I even start?');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/^Where do I start learning backend/);
  });

  test('GIVEN "how do I get into backend" or "break into tech" THEN the answer is the learning path', () => {
    for (const q of [
      'How do you get into backend engineering?',
      'how can I break into backend development?',
    ]) {
      expect(ask(q).sources[0]?.title).toMatch(/^Where do I start learning backend/);
    }
    // Getting into something else is not starting a career.
    expect(ask('how do I get into a container to read its logs?').sources[0]?.title).not.toMatch(
      /^Where do I start/,
    );
  });

  test('GIVEN a start question about a subject the knowledge lacks THEN the answer is an honest "I don\'t know"', () => {
    for (const q of ['how do I start a podcast', 'how do i start a vegetable garden on a balcony']) {
      expect(ask(q).matched).toBe(false);
    }
  });

  test('GIVEN "how do I get started?" or "getting started" with no other subject THEN the answer is the learning path', () => {
    for (const q of ['how do I get started?', 'getting started', 'how can I get started']) {
      expect(ask(q).sources[0]?.title).toMatch(/^Where do I start learning backend/);
    }
  });

  test('GIVEN a start question that only asks for tips THEN the words asking for help are not its subject', () => {
    const answer = ask('any tips for someone starting out?');
    expect(answer.matched).toBe(true);
    expect(answer.sources[0]?.title).toMatch(/^Where do I start learning backend/);
  });

  test('GIVEN "how do I start my/a <something>" THEN that something is searched, not the path; starting a career or learning is the path', () => {
    expect(ask('how do I start a good test?').sources[0]?.title).toBe('How do I write good tests?');
    expect(ask('how do I start my deploy of an API?').sources[0]?.title).toBe('How do I deploy an API?');
    expect(ask('how do I start my learning?').sources[0]?.title).toMatch(
      /^Where do I start learning backend/,
    );
  });

  test('GIVEN a start question from someone who already works as a developer THEN the search answers what they start on, not the learning path', () => {
    for (const q of [
      "I've been working as a backend developer for 5 years. How do I start writing good tests?",
      "I'm a mid-level backend dev and not sure how to start writing good tests.",
      "I've been a backend developer for about 4 years. How do I start writing good tests?",
    ])
      expect(ask(q).sources[0]?.title).toBe('How do I write good tests?');
    // Another trade's years are a career changer's: starting out is still the path.
    expect(saysExperienced("I've been working as a teacher for 5 years")).toBe(false);
    expect(saysExperienced('I have 8 years of experience as a software developer')).toBe(true);
  });

  test('GIVEN "how do I start again?" after a setback THEN it is not read as starting out', () => {
    expect(ask('I was laid off, what should I do? How do I start again?').sources[0]?.title).toBe(
      'I was laid off: what should I do next?',
    );
  });

  test('GIVEN a question whose weightiest word the knowledge lacks THEN lacksSubject says so, and not for one it has', () => {
    expect(lacksSubject(index.search('how do I start a podcast'))).toBe(true);
    expect(lacksSubject(index.search('how do I deploy an API'))).toBe(false);
  });
});
