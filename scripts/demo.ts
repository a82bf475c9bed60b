import { replayBoardMeeting, type TranscriptLine } from './demo/replay';

/** `npm run demo`: replays a real board meeting through the bot and prints what the chat shows. */
async function main(): Promise<void> {
  const replay = await replayBoardMeeting();
  try {
    for (const line of replay.transcript) console.log(format(line));
    console.log('\n━━ The minutes, as the Markdown link on the /minutes card serves them ━━\n');
    console.log(replay.minutesMarkdown);
    console.log('\nEverything above went through POST /api/messages on the real bot, stored in a temporary embedded database.');
  } finally {
    await replay.harness.stop();
  }
}

function format(line: TranscriptLine): string {
  switch (line.kind) {
    case 'heading':
      return `\n━━ ${line.text} ━━\n`;
    case 'said':
      return `${line.speaker}: ${line.text}`;
    case 'event':
      return `   ⚑ ${line.text}`;
    case 'message':
      return `   🤖 ${line.text}\n`;
    case 'cardUpdated':
      return `   🤖 ↻ card updated: ${line.text}`;
    case 'card':
      return `${line.text
        .split('\n')
        .map((text, index) => `   ${index === 0 ? '🤖 ┌' : '   │'} ${text}`)
        .join('\n')}\n`;
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
