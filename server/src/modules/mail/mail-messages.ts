import type { Language } from '@consulta/shared';

/** What a message says, in one language; `{{name}}`-style values are filled in (and escaped) by templates.ts. */
export interface MessageText {
  subject: string;
  heading: string;
  paragraphs: string[];
  action: string;
  /** Below the button, for mail readers that do not show it. */
  linkHint: string;
  /** Why the person got it, at the foot of the message. */
  footer: string;
}

export type MailKind =
  | 'VERIFY_EMAIL'
  | 'RESET_PASSWORD'
  | 'CHANGE_EMAIL'
  | 'EMAIL_IN_USE'
  | 'EMAIL_CHANGE_NOTICE'
  | 'NOTIFICATION'
  | 'DIGEST'
  | 'WEBHOOK_DEACTIVATED';

/** The words a digest adds to its catalog text: its period, and the line after its last listed item. */
export const DIGEST_WORDS: Record<Language, { DAILY: string; WEEKLY: string; more: string }> = {
  en: { DAILY: 'every day', WEEKLY: 'every week', more: 'And {{count}} more.' },
  es: { DAILY: 'cada día', WEEKLY: 'cada semana', more: 'Y {{count}} más.' },
};

/** How a webhook's last attempt ended when no HTTP status came back. */
export const NO_ANSWER: Record<Language, string> = { en: 'no answer', es: 'sin respuesta' };

/** The links at the foot of notification mail. */
export const SETTINGS_LINKS: Record<Language, { settings: string; unsubscribe: string }> = {
  en: { settings: 'Choose what you are told', unsubscribe: 'Stop all email from Consulta' },
  es: { settings: 'Elegir qué se le notifica', unsubscribe: 'No recibir más correos de Consulta' },
};

/** Every message the product sends, in every language it speaks. */
export const MESSAGES: Record<MailKind, Record<Language, MessageText>> = {
  VERIFY_EMAIL: {
    en: {
      subject: 'Confirm your email address for Consulta',
      heading: 'Confirm your email address',
      paragraphs: [
        'Hello {{name}},',
        'Please confirm that this address is yours, so agencies know that a real person takes part. The link works for 48 hours.',
      ],
      action: 'Confirm my address',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer:
        'You get this message because this address was used to create an account on Consulta. If that was not you, ignore it.',
    },
    es: {
      subject: 'Confirme su dirección de correo en Consulta',
      heading: 'Confirme su dirección de correo',
      paragraphs: [
        'Hola {{name}}:',
        'Confirme que esta dirección es suya, para que las instituciones sepan que participa una persona real. El enlace sirve durante 48 horas.',
      ],
      action: 'Confirmar mi dirección',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer:
        'Recibe este mensaje porque se usó esta dirección para crear una cuenta en Consulta. Si no fue usted, ignórelo.',
    },
  },
  RESET_PASSWORD: {
    en: {
      subject: 'Reset your Consulta password',
      heading: 'Reset your password',
      paragraphs: [
        'Hello {{name}},',
        'Someone asked to reset the password of your account. If it was you, choose a new password with this link within one hour. Every device signed in to your account will be signed out.',
      ],
      action: 'Choose a new password',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'If you did not ask for this, ignore this message: your password stays as it is.',
    },
    es: {
      subject: 'Restablezca su contraseña de Consulta',
      heading: 'Restablezca su contraseña',
      paragraphs: [
        'Hola {{name}}:',
        'Alguien pidió restablecer la contraseña de su cuenta. Si fue usted, elija una nueva contraseña con este enlace antes de una hora. Se cerrará la sesión en todos los dispositivos conectados a su cuenta.',
      ],
      action: 'Elegir una nueva contraseña',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Si no lo pidió, ignore este mensaje: su contraseña no cambia.',
    },
  },
  CHANGE_EMAIL: {
    en: {
      subject: 'Confirm your new email address for Consulta',
      heading: 'Confirm your new email address',
      paragraphs: [
        'Hello {{name}},',
        'You asked to move your Consulta account to this address. Confirm it with this link within 24 hours; until then, your account keeps its current address.',
      ],
      action: 'Confirm my new address',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'If you did not ask for this, ignore this message: nothing changes.',
    },
    es: {
      subject: 'Confirme su nueva dirección de correo en Consulta',
      heading: 'Confirme su nueva dirección de correo',
      paragraphs: [
        'Hola {{name}}:',
        'Pidió trasladar su cuenta de Consulta a esta dirección. Confírmela con este enlace antes de 24 horas; hasta entonces, su cuenta conserva su dirección actual.',
      ],
      action: 'Confirmar mi nueva dirección',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Si no lo pidió, ignore este mensaje: no cambia nada.',
    },
  },
  EMAIL_IN_USE: {
    en: {
      subject: 'This address already has a Consulta account',
      heading: 'This address already has an account',
      paragraphs: [
        'Someone asked to move another Consulta account to this address, but an account already uses it, so nothing changed.',
        'If you have forgotten the password of the account this address has, you can choose a new one.',
      ],
      action: 'Choose a new password',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'If you did not ask for anything, ignore this message.',
    },
    es: {
      subject: 'Esta dirección ya tiene una cuenta de Consulta',
      heading: 'Esta dirección ya tiene una cuenta',
      paragraphs: [
        'Alguien pidió trasladar otra cuenta de Consulta a esta dirección, pero ya hay una cuenta que la usa, así que no cambió nada.',
        'Si olvidó la contraseña de la cuenta de esta dirección, puede elegir una nueva.',
      ],
      action: 'Elegir una nueva contraseña',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Si no pidió nada, ignore este mensaje.',
    },
  },
  EMAIL_CHANGE_NOTICE: {
    en: {
      subject: 'Your Consulta account is moving to another address',
      heading: 'Someone asked to change your email address',
      paragraphs: [
        'Hello {{name}},',
        'Your Consulta account asked to move to {{email}}. It moves only once that address confirms it.',
        'If it was not you, someone knows your password: choose a new one now, which also signs out every device.',
      ],
      action: 'Choose a new password',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'You get this message because it concerns the address of your account.',
    },
    es: {
      subject: 'Su cuenta de Consulta va a cambiar de dirección',
      heading: 'Alguien pidió cambiar su dirección de correo',
      paragraphs: [
        'Hola {{name}}:',
        'Se pidió trasladar su cuenta de Consulta a {{email}}. Solo cambiará cuando esa dirección lo confirme.',
        'Si no fue usted, alguien conoce su contraseña: elija una nueva ahora, lo que además cierra la sesión en todos los dispositivos.',
      ],
      action: 'Elegir una nueva contraseña',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Recibe este mensaje porque se refiere a la dirección de su cuenta.',
    },
  },
  NOTIFICATION: {
    en: {
      subject: '{{subject}}',
      heading: '{{summary}}',
      paragraphs: ['Hello {{name}}, this is news about your participation on Consulta.'],
      action: 'See it on Consulta',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'You get this message because you take part on Consulta and asked to be told by email as things happen.',
    },
    es: {
      subject: '{{subject}}',
      heading: '{{summary}}',
      paragraphs: ['Hola {{name}}: esta es una novedad sobre su participación en Consulta.'],
      action: 'Verlo en Consulta',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Recibe este mensaje porque participa en Consulta y pidió que se le avise por correo cuando ocurre algo.',
    },
  },
  DIGEST: {
    en: {
      subject: 'Consulta: {{count}} unread notifications',
      heading: 'What happened since your last summary',
      paragraphs: ['Hello {{name}}, here is what is new on Consulta and still unread:'],
      action: 'See all your notifications',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'You get this summary because you asked for one {{period}} by email.',
    },
    es: {
      subject: 'Consulta: {{count}} notificaciones sin leer',
      heading: 'Lo que ocurrió desde su último resumen',
      paragraphs: ['Hola {{name}}: esto es lo nuevo en Consulta que aún no ha leído:'],
      action: 'Ver todas sus notificaciones',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Recibe este resumen porque pidió uno {{period}} por correo.',
    },
  },
  WEBHOOK_DEACTIVATED: {
    en: {
      subject: 'Your Consulta webhook was turned off',
      heading: 'A webhook of yours was turned off',
      paragraphs: [
        'Hello {{name}},',
        'Every delivery to {{url}} has failed for three days (the last attempt: {{error}}), so Consulta stopped sending to it.',
        'When the address works again, delete the webhook in your settings and create it anew: you will get a new secret.',
      ],
      action: 'Open my settings',
      linkHint: 'If the button does not work, open this address in your browser:',
      footer: 'You get this message because you created this webhook on Consulta.',
    },
    es: {
      subject: 'Se desactivó su webhook de Consulta',
      heading: 'Se desactivó uno de sus webhooks',
      paragraphs: [
        'Hola {{name}}:',
        'Todas las entregas a {{url}} han fallado durante tres días (el último intento: {{error}}), así que Consulta dejó de enviarle eventos.',
        'Cuando la dirección vuelva a funcionar, elimine el webhook en su configuración y créelo de nuevo: recibirá un secreto nuevo.',
      ],
      action: 'Abrir mi configuración',
      linkHint: 'Si el botón no funciona, abra esta dirección en su navegador:',
      footer: 'Recibe este mensaje porque creó este webhook en Consulta.',
    },
  },
};
