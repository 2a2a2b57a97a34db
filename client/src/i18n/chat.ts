// Strings of the match chat, in English and German (same keys in both).
export const chatEn = {
  chat: 'Chat',
  chatLines: 'Messages',
  chatEmpty: 'No messages yet.',
  chatMessage: 'Message',
  chatSend: 'Send',
  chatCount: '{n} of {max} characters',
  chatSpectators: 'spectators',
  chatMute: 'Mute {who}',
  chatUnmute: 'Unmute {who}',
  chatHidden: '{n} message(s) from muted people hidden.',
  chatSaid: '{who}: {text}',
  chatReadOnly: 'The facilitator reads the chat here.',
};

export const chatDe: Record<keyof typeof chatEn, string> = {
  chat: 'Chat',
  chatLines: 'Nachrichten',
  chatEmpty: 'Noch keine Nachrichten.',
  chatMessage: 'Nachricht',
  chatSend: 'Senden',
  chatCount: '{n} von {max} Zeichen',
  chatSpectators: 'Zuschauer',
  chatMute: '{who} stummschalten',
  chatUnmute: '{who} wieder anzeigen',
  chatHidden: '{n} Nachricht(en) von stummgeschalteten Personen ausgeblendet.',
  chatSaid: '{who}: {text}',
  chatReadOnly: 'Die Spielleitung liest den Chat hier mit.',
};
