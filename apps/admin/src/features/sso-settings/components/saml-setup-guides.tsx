import { Stack } from '@mantine/core';
import type { SamlServiceProviderView } from '@rollcall/contracts';
import { EntraSamlSetupSteps } from './entra-saml-setup-steps';
import { OktaSamlSetupSteps } from './okta-saml-setup-steps';
import { SetupGuide } from './setup-guide';

/** How to create the SAML app at the common identity providers, with Rollcall's values. */
export function SamlSetupGuides({ serviceProvider }: { serviceProvider: SamlServiceProviderView }) {
  return (
    <Stack gap="lg">
      <SetupGuide
        title="Set up Microsoft Entra ID (SAML)"
        intro="In the Microsoft Entra admin center, as at least a Cloud Application Administrator."
      >
        <EntraSamlSetupSteps serviceProvider={serviceProvider} />
      </SetupGuide>
      <SetupGuide
        title="Set up Okta (SAML)"
        intro="In the Okta Admin Console, as a super or app administrator. Provisioning from Okta (SCIM) is on the Provisioning tab."
      >
        <OktaSamlSetupSteps serviceProvider={serviceProvider} />
      </SetupGuide>
    </Stack>
  );
}
