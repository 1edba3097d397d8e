package externalsecretsio


// Used to configure the provider.
//
// Only one provider may be set.
type ClusterSecretStoreSpecProvider struct {
	// Akeyless configures this store to sync secrets using Akeyless Vault provider.
	Akeyless *ClusterSecretStoreSpecProviderAkeyless `field:"optional" json:"akeyless" yaml:"akeyless"`
	// Alibaba configures this store to sync secrets using Alibaba Cloud provider.
	Alibaba *ClusterSecretStoreSpecProviderAlibaba `field:"optional" json:"alibaba" yaml:"alibaba"`
	// AWS configures this store to sync secrets using AWS Secret Manager provider.
	Aws *ClusterSecretStoreSpecProviderAws `field:"optional" json:"aws" yaml:"aws"`
	// AzureKV configures this store to sync secrets using Azure Key Vault provider.
	Azurekv *ClusterSecretStoreSpecProviderAzurekv `field:"optional" json:"azurekv" yaml:"azurekv"`
	// Beyondtrust configures this store to sync secrets using Password Safe provider.
	Beyondtrust *ClusterSecretStoreSpecProviderBeyondtrust `field:"optional" json:"beyondtrust" yaml:"beyondtrust"`
	// BitwardenSecretsManager configures this store to sync secrets using BitwardenSecretsManager provider.
	Bitwardensecretsmanager *ClusterSecretStoreSpecProviderBitwardensecretsmanager `field:"optional" json:"bitwardensecretsmanager" yaml:"bitwardensecretsmanager"`
	// Chef configures this store to sync secrets with chef server.
	Chef *ClusterSecretStoreSpecProviderChef `field:"optional" json:"chef" yaml:"chef"`
	// CloudruSM configures this store to sync secrets using the Cloud.ru Secret Manager provider.
	Cloudrusm *ClusterSecretStoreSpecProviderCloudrusm `field:"optional" json:"cloudrusm" yaml:"cloudrusm"`
	// Conjur configures this store to sync secrets using conjur provider.
	Conjur *ClusterSecretStoreSpecProviderConjur `field:"optional" json:"conjur" yaml:"conjur"`
	// Delinea DevOps Secrets Vault https://docs.delinea.com/online-help/products/devops-secrets-vault/current.
	Delinea *ClusterSecretStoreSpecProviderDelinea `field:"optional" json:"delinea" yaml:"delinea"`
	// Device42 configures this store to sync secrets using the Device42 provider.
	Device42 *ClusterSecretStoreSpecProviderDevice42 `field:"optional" json:"device42" yaml:"device42"`
	// Doppler configures this store to sync secrets using the Doppler provider.
	Doppler *ClusterSecretStoreSpecProviderDoppler `field:"optional" json:"doppler" yaml:"doppler"`
	// Fake configures a store with static key/value pairs.
	Fake *ClusterSecretStoreSpecProviderFake `field:"optional" json:"fake" yaml:"fake"`
	// Fortanix configures this store to sync secrets using the Fortanix provider.
	Fortanix *ClusterSecretStoreSpecProviderFortanix `field:"optional" json:"fortanix" yaml:"fortanix"`
	// GCPSM configures this store to sync secrets using Google Cloud Platform Secret Manager provider.
	Gcpsm *ClusterSecretStoreSpecProviderGcpsm `field:"optional" json:"gcpsm" yaml:"gcpsm"`
	// Github configures this store to push Github Action secrets using Github API provider.
	Github *ClusterSecretStoreSpecProviderGithub `field:"optional" json:"github" yaml:"github"`
	// GitLab configures this store to sync secrets using GitLab Variables provider.
	Gitlab *ClusterSecretStoreSpecProviderGitlab `field:"optional" json:"gitlab" yaml:"gitlab"`
	// IBM configures this store to sync secrets using IBM Cloud provider.
	Ibm *ClusterSecretStoreSpecProviderIbm `field:"optional" json:"ibm" yaml:"ibm"`
	// Infisical configures this store to sync secrets using the Infisical provider.
	Infisical *ClusterSecretStoreSpecProviderInfisical `field:"optional" json:"infisical" yaml:"infisical"`
	// KeeperSecurity configures this store to sync secrets using the KeeperSecurity provider.
	Keepersecurity *ClusterSecretStoreSpecProviderKeepersecurity `field:"optional" json:"keepersecurity" yaml:"keepersecurity"`
	// Kubernetes configures this store to sync secrets using a Kubernetes cluster provider.
	Kubernetes *ClusterSecretStoreSpecProviderKubernetes `field:"optional" json:"kubernetes" yaml:"kubernetes"`
	// Onboardbase configures this store to sync secrets using the Onboardbase provider.
	Onboardbase *ClusterSecretStoreSpecProviderOnboardbase `field:"optional" json:"onboardbase" yaml:"onboardbase"`
	// OnePassword configures this store to sync secrets using the 1Password Cloud provider.
	Onepassword *ClusterSecretStoreSpecProviderOnepassword `field:"optional" json:"onepassword" yaml:"onepassword"`
	// Oracle configures this store to sync secrets using Oracle Vault provider.
	Oracle *ClusterSecretStoreSpecProviderOracle `field:"optional" json:"oracle" yaml:"oracle"`
	Passbolt *ClusterSecretStoreSpecProviderPassbolt `field:"optional" json:"passbolt" yaml:"passbolt"`
	// Configures a store to sync secrets with a Password Depot instance.
	Passworddepot *ClusterSecretStoreSpecProviderPassworddepot `field:"optional" json:"passworddepot" yaml:"passworddepot"`
	// Previder configures this store to sync secrets using the Previder provider.
	Previder *ClusterSecretStoreSpecProviderPrevider `field:"optional" json:"previder" yaml:"previder"`
	// Pulumi configures this store to sync secrets using the Pulumi provider.
	Pulumi *ClusterSecretStoreSpecProviderPulumi `field:"optional" json:"pulumi" yaml:"pulumi"`
	// Scaleway.
	Scaleway *ClusterSecretStoreSpecProviderScaleway `field:"optional" json:"scaleway" yaml:"scaleway"`
	// SecretServer configures this store to sync secrets using SecretServer provider https://docs.delinea.com/online-help/secret-server/start.htm.
	Secretserver *ClusterSecretStoreSpecProviderSecretserver `field:"optional" json:"secretserver" yaml:"secretserver"`
	// Senhasegura configures this store to sync secrets using senhasegura provider.
	Senhasegura *ClusterSecretStoreSpecProviderSenhasegura `field:"optional" json:"senhasegura" yaml:"senhasegura"`
	// Vault configures this store to sync secrets using Hashi provider.
	Vault *ClusterSecretStoreSpecProviderVault `field:"optional" json:"vault" yaml:"vault"`
	// Webhook configures this store to sync secrets using a generic templated webhook.
	Webhook *ClusterSecretStoreSpecProviderWebhook `field:"optional" json:"webhook" yaml:"webhook"`
	// YandexCertificateManager configures this store to sync secrets using Yandex Certificate Manager provider.
	Yandexcertificatemanager *ClusterSecretStoreSpecProviderYandexcertificatemanager `field:"optional" json:"yandexcertificatemanager" yaml:"yandexcertificatemanager"`
	// YandexLockbox configures this store to sync secrets using Yandex Lockbox provider.
	Yandexlockbox *ClusterSecretStoreSpecProviderYandexlockbox `field:"optional" json:"yandexlockbox" yaml:"yandexlockbox"`
}

