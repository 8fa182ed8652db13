import { Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import type { IssuedAdminInvitation } from '@rollcall/organizations';
import { ADMIN_API_OPTIONS, type AdminApiOptions } from '../admin-api.options';

export interface InvitationDelivery {
  emailed: boolean;
  mailError?: string;
}

const ROLE_LINES = {
  owner: 'an owner (everything, including managing admins)',
  admin: 'an admin (everything but managing admins)',
  viewer: 'a viewer (read-only access)',
} as const;

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/**
 * Sends invitation links over SMTP when the operator set SMTP_URL; otherwise the inviter
 * passes the link on. A failure is reported, never thrown: the invitation stands either way.
 */
@Injectable()
export class InvitationMailer {
  private readonly logger = new Logger(InvitationMailer.name);
  private readonly transport: Transporter | null;
  private readonly from: string | null;

  constructor(@Inject(ADMIN_API_OPTIONS) options: AdminApiOptions) {
    const smtp = options.smtp;
    this.transport = smtp
      ? createTransport({
          url: smtp.url,
          // Never hang an invitation request on a mail server that does not answer.
          connectionTimeout: 10_000,
          greetingTimeout: 10_000,
          socketTimeout: 20_000,
        })
      : null;
    this.from = smtp?.from ?? null;
  }

  async deliver(issued: IssuedAdminInvitation, inviterEmail: string): Promise<InvitationDelivery> {
    if (!this.transport || !this.from) return { emailed: false };
    const { invitation, organizationName, link } = issued;
    const role = ROLE_LINES[invitation.role];
    const expires = invitation.expiresAt.toUTCString();
    try {
      await this.transport.sendMail({
        from: this.from,
        to: invitation.email,
        subject: `${inviterEmail} invited you to administer ${organizationName} on Rollcall`,
        text: [
          `${inviterEmail} invited you to administer ${organizationName} on Rollcall as ${role}.`,
          '',
          `Accept the invitation and choose your password: ${link}`,
          '',
          `The link works once and expires on ${expires}.`,
          'If you did not expect this invitation, ignore this e-mail.',
        ].join('\n'),
        html: `<p>${escapeHtml(inviterEmail)} invited you to administer <strong>${escapeHtml(
          organizationName,
        )}</strong> on Rollcall as ${escapeHtml(role)}.</p>
<p><a href="${escapeHtml(link)}">Accept the invitation and choose your password</a></p>
<p>The link works once and expires on ${escapeHtml(expires)}.<br>If you did not expect this invitation, ignore this e-mail.</p>`,
      });
      return { emailed: true };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The reason only: the message (and its link) is never logged.
      this.logger.warn(`Invitation e-mail ${invitation.id} could not be sent: ${reason}`);
      return { emailed: false, mailError: `The e-mail could not be sent: ${reason}` };
    }
  }
}
