/** Bad IdP metadata or certificate input. The message is safe to show an admin: no stack, no echo of the input. */
export class SamlMetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SamlMetadataError';
  }
}
