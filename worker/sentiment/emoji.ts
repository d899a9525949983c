const GROUPS: readonly (readonly [number, string])[] = [
  [2, '😍🥰😘❤💕💖💗💓💞💘💝🧡💛💚💙💜🤍🔥👍👌🙌💯⭐🌟🎉🥳🤩😻🏆🥇👑💐🤝'],
  [1.5, '🙏👏😊☺😀😃😄😁😆🤗💪✨😋🤙✅🎁😇'],
  [1, '🙂😺😌🤤😎🆒🆗💫☀🌸🍀'],
  [0.5, '😉😅😂🤣😜😛🤓'],
  [-0.5, '😐😑🤷😶🫤😳'],
  [-1, '🙃😬🐌⏳⌛⚠'],
  [-1.5, '🙄😒😞😢😔😕🙁☹😩😫😖😣😧😨😰😱🤦😓😥💸'],
  [-2, '😭😡😠😤👎💔❌🚫🤡'],
  [-2.5, '🤬💩🤮🤢'],
];

const VALENCE = new Map<string, number>();
for (const [value, list] of GROUPS) {
  for (const emoji of list) VALENCE.set(emoji, value);
}

/** Valence of an emoji cluster by its first code point; skin tones and VS16 are ignored. */
export function emojiValence(cluster: string): number {
  const first = String.fromCodePoint(cluster.codePointAt(0) ?? 0);
  return VALENCE.get(first) ?? 0;
}

/** Sarcasm tells: a smile that says the opposite of the words around it. */
export function isIronicEmoji(cluster: string): boolean {
  return cluster.startsWith('🙃') || cluster.startsWith('🙄') || cluster.startsWith('🤡');
}

export function emoticonValence(kind: 'smile' | 'frown', text: string): number {
  if (text.startsWith('<')) return 2;
  const strength = Math.min(text.replace(/[^()\]\[D3*]/g, '').length, 3);
  if (kind === 'frown') return -1 - 0.25 * (strength - 1);
  return /D/.test(text) ? 1.5 : 1 + 0.25 * (strength - 1);
}
