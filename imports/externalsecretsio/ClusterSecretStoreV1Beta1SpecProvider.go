package externalsecretsio


// Used to configure the provider.
//
// Only one provider may be set.
type ClusterSecretStoreV1Beta1SpecProvider struct {
	// Akeyless configures this store to sync secrets using Akeyless Vault provider.
	Akeyless *ClusterSecretStoreV1Beta1SpecProviderAkeyless `field:"optional" json:"akeyless" yaml:"akeyless"`
	// Alibaba configures this store to sync secrets using Alibaba Cloud provider.
	Alibaba *ClusterSecretStoreV1Beta1SpecProviderAlibaba `field:"optional" json:"alibaba" yaml:"alibaba"`
	// AWS configures this store to sync secrets using AWS Secret Manager provider.
	Aws *ClusterSecretStoreV1Beta1SpecProviderAws `field:"optional" json:"aws" yaml:"aws"`
	// AzureKV configures this store to sync secrets using Azure Key Vault provider.
	Azurekv *ClusterSecretStoreV1Beta1SpecProviderAzurekv `field:"optional" json:"azurekv" yaml:"azurekv"`
	// Beyondtrust configures this store to sync secrets using Password Safe provider.
	Beyondtrust *ClusterSecretStoreV1Beta1SpecProviderBeyondtrust `field:"optional" json:"beyondtrust" yaml:"beyondtrust"`
	// BitwardenSecretsManager configures this store to sync secrets using BitwardenSecretsManager provider.
	Bitwardensecretsmanager *ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanager `field:"optional" json:"bitwardensecretsmanager" yaml:"bitwardensecretsmanager"`
	// Chef configures this store to sync secrets with chef server.
	Chef *ClusterSecretStoreV1Beta1SpecProviderChef `field:"optional" json:"chef" yaml:"chef"`
	// CloudruSM configures this store to sync secrets using the Cloud.ru Secret Manager provider.
	Cloudrusm *ClusterSecretStoreV1Beta1SpecProviderCloudrusm `field:"optional" json:"cloudrusm" yaml:"cloudrusm"`
	// Conjur configures this store to sync secrets using conjur provider.
	Conjur *ClusterSecretStoreV1Beta1SpecProviderConjur `field:"optional" json:"conjur" yaml:"conjur"`
	// Delinea DevOps Secrets Vault https://docs.delinea.com/online-help/products/devops-secrets-vault/current.
	Delinea *ClusterSecretStoreV1Beta1SpecProviderDelinea `field:"optional" json:"delinea" yaml:"delinea"`
	// Device42 configures this store to sync secrets using the Device42 provider.
	Device42 *ClusterSecretStoreV1Beta1SpecProviderDevice42 `field:"optional" json:"device42" yaml:"device42"`
	// Doppler configures this store to sync secrets using the Doppler provider.
	Doppler *ClusterSecretStoreV1Beta1SpecProviderDoppler `field:"optional" json:"doppler" yaml:"doppler"`
	// Fake configures a store with static key/value pairs.
	Fake *ClusterSecretStoreV1Beta1SpecProviderFake `field:"optional" json:"fake" yaml:"fake"`
	// Fortanix configures this store to sync secrets using the Fortanix provider.
	Fortanix *ClusterSecretStoreV1Beta1SpecProviderFortanix `field:"optional" json:"fortanix" yaml:"fortanix"`
	// GCPSM configures this store to sync secrets using Google Cloud Platform Secret Manager provider.
	Gcpsm *ClusterSecretStoreV1Beta1SpecProviderGcpsm `field:"optional" json:"gcpsm" yaml:"gcpsm"`
	// Github configures this store to push Github Action secrets using Github API provider.
	Github *ClusterSecretStoreV1Beta1SpecProviderGithub `field:"optional" json:"github" yaml:"github"`
	// GitLab configures this store to sync secrets using GitLab Variables provider.
	Gitlab *ClusterSecretStoreV1Beta1SpecProviderGitlab `field:"optional" json:"gitlab" yaml:"gitlab"`
	// IBM configures this store to sync secrets using IBM Cloud provider.
	Ibm *ClusterSecretStoreV1Beta1SpecProviderIbm `field:"optional" json:"ibm" yaml:"ibm"`
	// Infisical configures this store to sync secrets using the Infisical provider.
	Infisical *ClusterSecretStoreV1Beta1SpecProviderInfisical `field:"optional" json:"infisical" yaml:"infisical"`
	// KeeperSecurity configures this store to sync secrets using the KeeperSecurity provider.
	Keepersecurity *ClusterSecretStoreV1Beta1SpecProviderKeepersecurity `field:"optional" json:"keepersecurity" yaml:"keepersecurity"`
	// Kubernetes configures this store to sync secrets using a Kubernetes cluster provider.
	Kubernetes *ClusterSecretStoreV1Beta1SpecProviderKubernetes `field:"optional" json:"kubernetes" yaml:"kubernetes"`
	// Onboardbase configures this store to sync secrets using the Onboardbase provider.
	Onboardbase *ClusterSecretStoreV1Beta1SpecProviderOnboardbase `field:"optional" json:"onboardbase" yaml:"onboardbase"`
	// OnePassword configures this store to sync secrets using the 1Password Cloud provider.
	Onepassword *ClusterSecretStoreV1Beta1SpecProviderOnepassword `field:"optional" json:"onepassword" yaml:"onepassword"`
	// Oracle configures this store to sync secrets using Oracle Vault provider.
	Oracle *ClusterSecretStoreV1Beta1SpecProviderOracle `field:"optional" json:"oracle" yaml:"oracle"`
	Passbolt *ClusterSecretStoreV1Beta1SpecProviderPassbolt `field:"optional" json:"passbolt" yaml:"passbolt"`
	// Configures a store to sync secrets with a Password Depot instance.
	Passworddepot *ClusterSecretStoreV1Beta1SpecProviderPassworddepot `field:"optional" json:"passworddepot" yaml:"passworddepot"`
	// Previder configures this store to sync secrets using the Previder provider.
	Previder *ClusterSecretStoreV1Beta1SpecProviderPrevider `field:"optional" json:"previder" yaml:"previder"`
	// Pulumi configures this store to sync secrets using the Pulumi provider.
	Pulumi *ClusterSecretStoreV1Beta1SpecProviderPulumi `field:"optional" json:"pulumi" yaml:"pulumi"`
	// Scaleway.
	Scaleway *ClusterSecretStoreV1Beta1SpecProviderScaleway `field:"optional" json:"scaleway" yaml:"scaleway"`
	// SecretServer configures this store to sync secrets using SecretServer provider https://docs.delinea.com/online-help/secret-server/start.htm.
	Secretserver *ClusterSecretStoreV1Beta1SpecProviderSecretserver `field:"optional" json:"secretserver" yaml:"secretserver"`
	// Senhasegura configures this store to sync secrets using senhasegura provider.
	Senhasegura *ClusterSecretStoreV1Beta1SpecProviderSenhasegura `field:"optional" json:"senhasegura" yaml:"senhasegura"`
	// Vault configures this store to sync secrets using Hashi provider.
	Vault *ClusterSecretStoreV1Beta1SpecProviderVault `field:"optional" json:"vault" yaml:"vault"`
	// Webhook configures this store to sync secrets using a generic templated webhook.
	Webhook *ClusterSecretStoreV1Beta1SpecProviderWebhook `field:"optional" json:"webhook" yaml:"webhook"`
	// YandexCertificateManager configures this store to sync secrets using Yandex Certificate Manager provider.
	Yandexcertificatemanager *ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanager `field:"optional" json:"yandexcertificatemanager" yaml:"yandexcertificatemanager"`
	// YandexLockbox configures this store to sync secrets using Yandex Lockbox provider.
	Yandexlockbox *ClusterSecretStoreV1Beta1SpecProviderYandexlockbox `field:"optional" json:"yandexlockbox" yaml:"yandexlockbox"`
}

