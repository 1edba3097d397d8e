// external-secretsio
package externalsecretsio

import (
	"reflect"

	_jsii_ "github.com/aws/jsii-runtime-go/runtime"
)

func init() {
	_jsii_.RegisterClass(
		"external-secretsio.ClusterSecretStore",
		reflect.TypeOf((*ClusterSecretStore)(nil)).Elem(),
		[]_jsii_.Member{
			_jsii_.MemberMethod{JsiiMethod: "addDependency", GoMethod: "AddDependency"},
			_jsii_.MemberMethod{JsiiMethod: "addJsonPatch", GoMethod: "AddJsonPatch"},
			_jsii_.MemberProperty{JsiiProperty: "apiGroup", GoGetter: "ApiGroup"},
			_jsii_.MemberProperty{JsiiProperty: "apiVersion", GoGetter: "ApiVersion"},
			_jsii_.MemberProperty{JsiiProperty: "chart", GoGetter: "Chart"},
			_jsii_.MemberProperty{JsiiProperty: "kind", GoGetter: "Kind"},
			_jsii_.MemberProperty{JsiiProperty: "metadata", GoGetter: "Metadata"},
			_jsii_.MemberProperty{JsiiProperty: "name", GoGetter: "Name"},
			_jsii_.MemberProperty{JsiiProperty: "node", GoGetter: "Node"},
			_jsii_.MemberMethod{JsiiMethod: "toJson", GoMethod: "ToJson"},
			_jsii_.MemberMethod{JsiiMethod: "toString", GoMethod: "ToString"},
		},
		func() interface{} {
			j := jsiiProxy_ClusterSecretStore{}
			_jsii_.InitJsiiProxy(&j.Type__cdk8sApiObject)
			return &j
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreProps",
		reflect.TypeOf((*ClusterSecretStoreProps)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpec",
		reflect.TypeOf((*ClusterSecretStoreSpec)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecConditions",
		reflect.TypeOf((*ClusterSecretStoreSpecConditions)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecConditionsNamespaceSelector",
		reflect.TypeOf((*ClusterSecretStoreSpecConditionsNamespaceSelector)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecConditionsNamespaceSelectorMatchExpressions",
		reflect.TypeOf((*ClusterSecretStoreSpecConditionsNamespaceSelectorMatchExpressions)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProvider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeyless",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeyless)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefKubernetesAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefKubernetesAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefKubernetesAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefKubernetesAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefKubernetesAuthServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefKubernetesAuthServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRefAccessId",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRefAccessId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRefAccessType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRefAccessType)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRefAccessTypeParam",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessAuthSecretRefSecretRefAccessTypeParam)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderAkeylessCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAkeylessCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreSpecProviderAkeylessCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreSpecProviderAkeylessCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAlibaba",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAlibaba)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAlibabaAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAlibabaAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAlibabaAuthRrsa",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAlibabaAuthRrsa)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAlibabaAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAlibabaAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAlibabaAuthSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAlibabaAuthSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAlibabaAuthSecretRefAccessKeySecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAlibabaAuthSecretRefAccessKeySecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAws",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAws)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuthJwt",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuthJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuthJwtServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuthJwtServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuthSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuthSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuthSecretRefSecretAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuthSecretRefSecretAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsAuthSecretRefSessionTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsAuthSecretRefSessionTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsSecretsManager",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsSecretsManager)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsService",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsService)(nil)).Elem(),
		map[string]interface{}{
			"SECRETS_MANAGER": ClusterSecretStoreSpecProviderAwsService_SECRETS_MANAGER,
			"PARAMETER_STORE": ClusterSecretStoreSpecProviderAwsService_PARAMETER_STORE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAwsSessionTags",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAwsSessionTags)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekv",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekv)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientCertificate",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientCertificate)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientId",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientSecret",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvAuthSecretRefClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvAuthSecretRefTenantId",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvAuthSecretRefTenantId)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvAuthType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvAuthType)(nil)).Elem(),
		map[string]interface{}{
			"SERVICE_PRINCIPAL": ClusterSecretStoreSpecProviderAzurekvAuthType_SERVICE_PRINCIPAL,
			"MANAGED_IDENTITY": ClusterSecretStoreSpecProviderAzurekvAuthType_MANAGED_IDENTITY,
			"WORKLOAD_IDENTITY": ClusterSecretStoreSpecProviderAzurekvAuthType_WORKLOAD_IDENTITY,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvEnvironmentType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvEnvironmentType)(nil)).Elem(),
		map[string]interface{}{
			"PUBLIC_CLOUD": ClusterSecretStoreSpecProviderAzurekvEnvironmentType_PUBLIC_CLOUD,
			"US_GOVERNMENT_CLOUD": ClusterSecretStoreSpecProviderAzurekvEnvironmentType_US_GOVERNMENT_CLOUD,
			"CHINA_CLOUD": ClusterSecretStoreSpecProviderAzurekvEnvironmentType_CHINA_CLOUD,
			"GERMAN_CLOUD": ClusterSecretStoreSpecProviderAzurekvEnvironmentType_GERMAN_CLOUD,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderAzurekvServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderAzurekvServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrust",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrust)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthApiKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthApiKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthApiKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthApiKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthCertificate",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthCertificate)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthCertificateSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthClientId",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthClientIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthClientIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthClientSecret",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustAuthClientSecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustAuthClientSecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBeyondtrustServer",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBeyondtrustServer)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBitwardensecretsmanager",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBitwardensecretsmanager)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRefCredentials",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBitwardensecretsmanagerAuthSecretRefCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreSpecProviderBitwardensecretsmanagerCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderChef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderChef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderChefAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderChefAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderChefAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderChefAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderChefAuthSecretRefPrivateKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderChefAuthSecretRefPrivateKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderCloudrusm",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderCloudrusm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderCloudrusmAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderCloudrusmAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderCloudrusmAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderCloudrusmAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderCloudrusmAuthSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderCloudrusmAuthSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderCloudrusmAuthSecretRefAccessKeySecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderCloudrusmAuthSecretRefAccessKeySecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjur",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjur)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuthApikey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuthApikey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuthApikeyApiKeyRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuthApikeyApiKeyRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuthApikeyUserRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuthApikeyUserRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuthJwt",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuthJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuthJwtSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuthJwtSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurAuthJwtServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurAuthJwtServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderConjurCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderConjurCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreSpecProviderConjurCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreSpecProviderConjurCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDelinea",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDelinea)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDelineaClientId",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDelineaClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDelineaClientIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDelineaClientIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDelineaClientSecret",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDelineaClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDelineaClientSecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDelineaClientSecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDevice42",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDevice42)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDevice42Auth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDevice42Auth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDevice42AuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDevice42AuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDevice42AuthSecretRefCredentials",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDevice42AuthSecretRefCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDoppler",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDoppler)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDopplerAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDopplerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDopplerAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDopplerAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderDopplerAuthSecretRefDopplerToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDopplerAuthSecretRefDopplerToken)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderDopplerFormat",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDopplerFormat)(nil)).Elem(),
		map[string]interface{}{
			"JSON": ClusterSecretStoreSpecProviderDopplerFormat_JSON,
			"DOTNET_HYPHEN_JSON": ClusterSecretStoreSpecProviderDopplerFormat_DOTNET_HYPHEN_JSON,
			"ENV": ClusterSecretStoreSpecProviderDopplerFormat_ENV,
			"YAML": ClusterSecretStoreSpecProviderDopplerFormat_YAML,
			"DOCKER": ClusterSecretStoreSpecProviderDopplerFormat_DOCKER,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderDopplerNameTransformer",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderDopplerNameTransformer)(nil)).Elem(),
		map[string]interface{}{
			"UPPER_HYPHEN_CAMEL": ClusterSecretStoreSpecProviderDopplerNameTransformer_UPPER_HYPHEN_CAMEL,
			"CAMEL": ClusterSecretStoreSpecProviderDopplerNameTransformer_CAMEL,
			"LOWER_HYPHEN_SNAKE": ClusterSecretStoreSpecProviderDopplerNameTransformer_LOWER_HYPHEN_SNAKE,
			"TF_HYPHEN_VAR": ClusterSecretStoreSpecProviderDopplerNameTransformer_TF_HYPHEN_VAR,
			"DOTNET_HYPHEN_ENV": ClusterSecretStoreSpecProviderDopplerNameTransformer_DOTNET_HYPHEN_ENV,
			"LOWER_HYPHEN_KEBAB": ClusterSecretStoreSpecProviderDopplerNameTransformer_LOWER_HYPHEN_KEBAB,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderFake",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderFake)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderFakeData",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderFakeData)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderFortanix",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderFortanix)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderFortanixApiKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderFortanixApiKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderFortanixApiKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderFortanixApiKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGcpsm",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGcpsm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGcpsmAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGcpsmAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGcpsmAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGcpsmAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGcpsmAuthSecretRefSecretAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGcpsmAuthSecretRefSecretAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentity)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGithub",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGithub)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGithubAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGithubAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGithubAuthPrivateKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGithubAuthPrivateKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGitlab",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGitlab)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGitlabAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGitlabAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGitlabAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGitlabAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderGitlabAuthSecretRefAccessToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderGitlabAuthSecretRefAccessToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderIbm",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderIbm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderIbmAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderIbmAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderIbmAuthContainerAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderIbmAuthContainerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderIbmAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderIbmAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderIbmAuthSecretRefSecretApiKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderIbmAuthSecretRefSecretApiKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderInfisical",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderInfisical)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderInfisicalAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderInfisicalAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentials",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentialsClientId",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentialsClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentialsClientSecret",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderInfisicalAuthUniversalAuthCredentialsClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderInfisicalSecretsScope",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderInfisicalSecretsScope)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKeepersecurity",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKeepersecurity)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKeepersecurityAuthRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKeepersecurityAuthRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetes",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetes)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthCert",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthCertClientCert",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthCertClientCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthCertClientKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthCertClientKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthServiceAccount",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthServiceAccount)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesAuthTokenBearerToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesAuthTokenBearerToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesServer",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesServer)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesServerCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesServerCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderKubernetesServerCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderKubernetesServerCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreSpecProviderKubernetesServerCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreSpecProviderKubernetesServerCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnboardbase",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnboardbase)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnboardbaseAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnboardbaseAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnboardbaseAuthApiKeyRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnboardbaseAuthApiKeyRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnboardbaseAuthPasscodeRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnboardbaseAuthPasscodeRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnepassword",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnepassword)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnepasswordAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnepasswordAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnepasswordAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnepasswordAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOnepasswordAuthSecretRefConnectTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOnepasswordAuthSecretRefConnectTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOracle",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOracle)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOracleAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOracleAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOracleAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOracleAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOracleAuthSecretRefFingerprint",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOracleAuthSecretRefFingerprint)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOracleAuthSecretRefPrivatekey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOracleAuthSecretRefPrivatekey)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderOraclePrincipalType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOraclePrincipalType)(nil)).Elem(),
		map[string]interface{}{
			"USER_PRINCIPAL": ClusterSecretStoreSpecProviderOraclePrincipalType_USER_PRINCIPAL,
			"INSTANCE_PRINCIPAL": ClusterSecretStoreSpecProviderOraclePrincipalType_INSTANCE_PRINCIPAL,
			"WORKLOAD": ClusterSecretStoreSpecProviderOraclePrincipalType_WORKLOAD,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderOracleServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderOracleServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassbolt",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassbolt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassboltAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassboltAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassboltAuthPasswordSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassboltAuthPasswordSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassboltAuthPrivateKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassboltAuthPrivateKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassworddepot",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassworddepot)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassworddepotAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassworddepotAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassworddepotAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassworddepotAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPassworddepotAuthSecretRefCredentials",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPassworddepotAuthSecretRefCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPrevider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPrevider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPreviderAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPreviderAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPreviderAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPreviderAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPreviderAuthSecretRefAccessToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPreviderAuthSecretRefAccessToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPulumi",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPulumi)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPulumiAccessToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPulumiAccessToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderPulumiAccessTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderPulumiAccessTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderScaleway",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderScaleway)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderScalewayAccessKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderScalewayAccessKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderScalewayAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderScalewayAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderScalewaySecretKey",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderScalewaySecretKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderScalewaySecretKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderScalewaySecretKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSecretserver",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSecretserver)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSecretserverPassword",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSecretserverPassword)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSecretserverPasswordSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSecretserverPasswordSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSecretserverUsername",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSecretserverUsername)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSecretserverUsernameSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSecretserverUsernameSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSenhasegura",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSenhasegura)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSenhaseguraAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSenhaseguraAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderSenhaseguraAuthClientSecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderSenhaseguraAuthClientSecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVault",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVault)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthAppRole",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthAppRole)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthAppRoleRoleRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthAppRoleRoleRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthAppRoleSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthAppRoleSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthCert",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthCertClientCert",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthCertClientCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIam",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIam)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIamJwt",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIamJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIamJwtServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIamJwtServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIamSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIamSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIamSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIamSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIamSecretRefSecretAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIamSecretRefSecretAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthIamSecretRefSessionTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthIamSecretRefSessionTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthJwt",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthJwtKubernetesServiceAccountToken",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthJwtKubernetesServiceAccountToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthJwtKubernetesServiceAccountTokenServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthJwtKubernetesServiceAccountTokenServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthJwtSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthJwtSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthKubernetes",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthKubernetes)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthKubernetesSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthKubernetesSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthKubernetesServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthKubernetesServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthLdap",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthLdap)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthLdapSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthLdapSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthUserPass",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthUserPass)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultAuthUserPassSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultAuthUserPassSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreSpecProviderVaultCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreSpecProviderVaultCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultTls",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultTls)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultTlsCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultTlsCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultTlsKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultTlsKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderVaultVersion",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderVaultVersion)(nil)).Elem(),
		map[string]interface{}{
			"V1": ClusterSecretStoreSpecProviderVaultVersion_V1,
			"V2": ClusterSecretStoreSpecProviderVaultVersion_V2,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhook",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhook)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookAuthNtlm",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookAuthNtlm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookAuthNtlmPasswordSecret",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookAuthNtlmPasswordSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookAuthNtlmUsernameSecret",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookAuthNtlmUsernameSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreSpecProviderWebhookCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreSpecProviderWebhookCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookResult",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookResult)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookSecrets",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookSecrets)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderWebhookSecretsSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderWebhookSecretsSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexcertificatemanager",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexcertificatemanager)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexcertificatemanagerAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexcertificatemanagerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexcertificatemanagerAuthAuthorizedKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexcertificatemanagerAuthAuthorizedKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexcertificatemanagerCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexcertificatemanagerCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexcertificatemanagerCaProviderCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexcertificatemanagerCaProviderCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexlockbox",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexlockbox)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexlockboxAuth",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexlockboxAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexlockboxAuthAuthorizedKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexlockboxAuthAuthorizedKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexlockboxCaProvider",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexlockboxCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecProviderYandexlockboxCaProviderCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreSpecProviderYandexlockboxCaProviderCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreSpecRetrySettings",
		reflect.TypeOf((*ClusterSecretStoreSpecRetrySettings)(nil)).Elem(),
	)
	_jsii_.RegisterClass(
		"external-secretsio.ClusterSecretStoreV1Beta1",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1)(nil)).Elem(),
		[]_jsii_.Member{
			_jsii_.MemberMethod{JsiiMethod: "addDependency", GoMethod: "AddDependency"},
			_jsii_.MemberMethod{JsiiMethod: "addJsonPatch", GoMethod: "AddJsonPatch"},
			_jsii_.MemberProperty{JsiiProperty: "apiGroup", GoGetter: "ApiGroup"},
			_jsii_.MemberProperty{JsiiProperty: "apiVersion", GoGetter: "ApiVersion"},
			_jsii_.MemberProperty{JsiiProperty: "chart", GoGetter: "Chart"},
			_jsii_.MemberProperty{JsiiProperty: "kind", GoGetter: "Kind"},
			_jsii_.MemberProperty{JsiiProperty: "metadata", GoGetter: "Metadata"},
			_jsii_.MemberProperty{JsiiProperty: "name", GoGetter: "Name"},
			_jsii_.MemberProperty{JsiiProperty: "node", GoGetter: "Node"},
			_jsii_.MemberMethod{JsiiMethod: "toJson", GoMethod: "ToJson"},
			_jsii_.MemberMethod{JsiiMethod: "toString", GoMethod: "ToString"},
		},
		func() interface{} {
			j := jsiiProxy_ClusterSecretStoreV1Beta1{}
			_jsii_.InitJsiiProxy(&j.Type__cdk8sApiObject)
			return &j
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1Props",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1Props)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1Spec",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1Spec)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecConditions",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecConditions)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecConditionsNamespaceSelector",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecConditionsNamespaceSelector)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecConditionsNamespaceSelectorMatchExpressions",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecConditionsNamespaceSelectorMatchExpressions)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProvider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeyless",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeyless)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefKubernetesAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefKubernetesAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefKubernetesAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefKubernetesAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefKubernetesAuthServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefKubernetesAuthServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRefAccessId",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRefAccessId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRefAccessType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRefAccessType)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRefAccessTypeParam",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessAuthSecretRefSecretRefAccessTypeParam)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAkeylessCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAkeylessCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreV1Beta1SpecProviderAkeylessCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreV1Beta1SpecProviderAkeylessCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAlibaba",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAlibaba)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAlibabaAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAlibabaAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthRrsa",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthRrsa)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRefAccessKeySecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAlibabaAuthSecretRefAccessKeySecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAws",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAws)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuthJwt",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuthJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuthJwtServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuthJwtServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRefSecretAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRefSecretAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRefSessionTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsAuthSecretRefSessionTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsSecretsManager",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsSecretsManager)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsService",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsService)(nil)).Elem(),
		map[string]interface{}{
			"SECRETS_MANAGER": ClusterSecretStoreV1Beta1SpecProviderAwsService_SECRETS_MANAGER,
			"PARAMETER_STORE": ClusterSecretStoreV1Beta1SpecProviderAwsService_PARAMETER_STORE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAwsSessionTags",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAwsSessionTags)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekv",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekv)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientCertificate",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientCertificate)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientId",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientSecret",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefTenantId",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthSecretRefTenantId)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthType)(nil)).Elem(),
		map[string]interface{}{
			"SERVICE_PRINCIPAL": ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthType_SERVICE_PRINCIPAL,
			"MANAGED_IDENTITY": ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthType_MANAGED_IDENTITY,
			"WORKLOAD_IDENTITY": ClusterSecretStoreV1Beta1SpecProviderAzurekvAuthType_WORKLOAD_IDENTITY,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvEnvironmentType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvEnvironmentType)(nil)).Elem(),
		map[string]interface{}{
			"PUBLIC_CLOUD": ClusterSecretStoreV1Beta1SpecProviderAzurekvEnvironmentType_PUBLIC_CLOUD,
			"US_GOVERNMENT_CLOUD": ClusterSecretStoreV1Beta1SpecProviderAzurekvEnvironmentType_US_GOVERNMENT_CLOUD,
			"CHINA_CLOUD": ClusterSecretStoreV1Beta1SpecProviderAzurekvEnvironmentType_CHINA_CLOUD,
			"GERMAN_CLOUD": ClusterSecretStoreV1Beta1SpecProviderAzurekvEnvironmentType_GERMAN_CLOUD,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderAzurekvServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderAzurekvServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrust",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrust)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthApiKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificate",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificate)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthCertificateSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientId",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecret",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustAuthClientSecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBeyondtrustServer",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBeyondtrustServer)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanager",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanager)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRefCredentials",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerAuthSecretRefCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreV1Beta1SpecProviderBitwardensecretsmanagerCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderChef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderChef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderChefAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderChefAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRefPrivateKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderChefAuthSecretRefPrivateKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderCloudrusm",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderCloudrusm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRefAccessKeySecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderCloudrusmAuthSecretRefAccessKeySecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjur",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjur)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikeyApiKeyRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikeyApiKeyRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikeyUserRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuthApikeyUserRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwt",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwtSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwtSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwtServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurAuthJwtServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreV1Beta1SpecProviderConjurCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDelinea",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDelinea)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDelineaClientId",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDelineaClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDelineaClientIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDelineaClientIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecret",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDelineaClientSecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDevice42",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDevice42)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDevice42Auth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDevice42Auth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRefCredentials",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDevice42AuthSecretRefCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDoppler",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDoppler)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDopplerAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDopplerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDopplerAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDopplerAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDopplerAuthSecretRefDopplerToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDopplerAuthSecretRefDopplerToken)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDopplerFormat",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDopplerFormat)(nil)).Elem(),
		map[string]interface{}{
			"JSON": ClusterSecretStoreV1Beta1SpecProviderDopplerFormat_JSON,
			"DOTNET_HYPHEN_JSON": ClusterSecretStoreV1Beta1SpecProviderDopplerFormat_DOTNET_HYPHEN_JSON,
			"ENV": ClusterSecretStoreV1Beta1SpecProviderDopplerFormat_ENV,
			"YAML": ClusterSecretStoreV1Beta1SpecProviderDopplerFormat_YAML,
			"DOCKER": ClusterSecretStoreV1Beta1SpecProviderDopplerFormat_DOCKER,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer)(nil)).Elem(),
		map[string]interface{}{
			"UPPER_HYPHEN_CAMEL": ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer_UPPER_HYPHEN_CAMEL,
			"CAMEL": ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer_CAMEL,
			"LOWER_HYPHEN_SNAKE": ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer_LOWER_HYPHEN_SNAKE,
			"TF_HYPHEN_VAR": ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer_TF_HYPHEN_VAR,
			"DOTNET_HYPHEN_ENV": ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer_DOTNET_HYPHEN_ENV,
			"LOWER_HYPHEN_KEBAB": ClusterSecretStoreV1Beta1SpecProviderDopplerNameTransformer_LOWER_HYPHEN_KEBAB,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderFake",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderFake)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderFakeData",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderFakeData)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderFortanix",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderFortanix)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderFortanixApiKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderFortanixApiKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderFortanixApiKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderFortanixApiKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGcpsm",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGcpsm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGcpsmAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGcpsmAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthSecretRefSecretAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthSecretRefSecretAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthWorkloadIdentity",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthWorkloadIdentity)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGcpsmAuthWorkloadIdentityServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGithub",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGithub)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGithubAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGithubAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGithubAuthPrivateKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGithubAuthPrivateKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGitlab",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGitlab)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGitlabAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGitlabAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGitlabAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGitlabAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderGitlabAuthSecretRefAccessToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderGitlabAuthSecretRefAccessToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderIbm",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderIbm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderIbmAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderIbmAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderIbmAuthContainerAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderIbmAuthContainerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderIbmAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderIbmAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderIbmAuthSecretRefSecretApiKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderIbmAuthSecretRefSecretApiKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderInfisical",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderInfisical)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderInfisicalAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderInfisicalAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentials",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentialsClientId",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentialsClientId)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentialsClientSecret",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderInfisicalAuthUniversalAuthCredentialsClientSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderInfisicalSecretsScope",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderInfisicalSecretsScope)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKeepersecurity",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKeepersecurity)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKeepersecurityAuthRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKeepersecurityAuthRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetes",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetes)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthCert",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthCertClientCert",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthCertClientCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthCertClientKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthCertClientKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthServiceAccount",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthServiceAccount)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthTokenBearerToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesAuthTokenBearerToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesServer",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesServer)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesServerCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesServerCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderKubernetesServerCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderKubernetesServerCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreV1Beta1SpecProviderKubernetesServerCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreV1Beta1SpecProviderKubernetesServerCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnboardbase",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnboardbase)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnboardbaseAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnboardbaseAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnboardbaseAuthApiKeyRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnboardbaseAuthApiKeyRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnboardbaseAuthPasscodeRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnboardbaseAuthPasscodeRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnepassword",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnepassword)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnepasswordAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnepasswordAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnepasswordAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnepasswordAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOnepasswordAuthSecretRefConnectTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOnepasswordAuthSecretRefConnectTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOracle",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOracle)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOracleAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOracleAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOracleAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOracleAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOracleAuthSecretRefFingerprint",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOracleAuthSecretRefFingerprint)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOracleAuthSecretRefPrivatekey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOracleAuthSecretRefPrivatekey)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType)(nil)).Elem(),
		map[string]interface{}{
			"USER_PRINCIPAL": ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType_USER_PRINCIPAL,
			"INSTANCE_PRINCIPAL": ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType_INSTANCE_PRINCIPAL,
			"WORKLOAD": ClusterSecretStoreV1Beta1SpecProviderOraclePrincipalType_WORKLOAD,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderOracleServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderOracleServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassbolt",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassbolt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassboltAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassboltAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassboltAuthPasswordSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassboltAuthPasswordSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassboltAuthPrivateKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassboltAuthPrivateKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassworddepot",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassworddepot)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRefCredentials",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPassworddepotAuthSecretRefCredentials)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPrevider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPrevider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPreviderAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPreviderAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRefAccessToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPreviderAuthSecretRefAccessToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPulumi",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPulumi)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPulumiAccessToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPulumiAccessToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderPulumiAccessTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderPulumiAccessTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderScaleway",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderScaleway)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderScalewayAccessKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderScalewayAccessKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderScalewayAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderScalewayAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderScalewaySecretKey",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderScalewaySecretKey)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderScalewaySecretKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderScalewaySecretKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSecretserver",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSecretserver)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSecretserverPassword",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSecretserverPassword)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSecretserverPasswordSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSecretserverPasswordSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSecretserverUsername",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSecretserverUsername)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSecretserverUsernameSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSecretserverUsernameSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSenhasegura",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSenhasegura)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSenhaseguraAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSenhaseguraAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderSenhaseguraAuthClientSecretSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderSenhaseguraAuthClientSecretSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVault",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVault)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthAppRole",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthAppRole)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthAppRoleRoleRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthAppRoleRoleRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthAppRoleSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthAppRoleSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthCert",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthCertClientCert",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthCertClientCert)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIam",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIam)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwt",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwtServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamJwtServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRefAccessKeyIdSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRefAccessKeyIdSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRefSecretAccessKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRefSecretAccessKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRefSessionTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthIamSecretRefSessionTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwt",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwt)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwtKubernetesServiceAccountToken",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwtKubernetesServiceAccountToken)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwtKubernetesServiceAccountTokenServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwtKubernetesServiceAccountTokenServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwtSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthJwtSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthKubernetes",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthKubernetes)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthKubernetesSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthKubernetesSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthKubernetesServiceAccountRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthKubernetesServiceAccountRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthLdap",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthLdap)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthLdapSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthLdapSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthTokenSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthTokenSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthUserPass",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthUserPass)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultAuthUserPassSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultAuthUserPassSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreV1Beta1SpecProviderVaultCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreV1Beta1SpecProviderVaultCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultTls",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultTls)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultTlsCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultTlsCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultTlsKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultTlsKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderVaultVersion",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderVaultVersion)(nil)).Elem(),
		map[string]interface{}{
			"V1": ClusterSecretStoreV1Beta1SpecProviderVaultVersion_V1,
			"V2": ClusterSecretStoreV1Beta1SpecProviderVaultVersion_V2,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhook",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhook)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlm",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlm)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlmPasswordSecret",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlmPasswordSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlmUsernameSecret",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookAuthNtlmUsernameSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookCaProviderType",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookCaProviderType)(nil)).Elem(),
		map[string]interface{}{
			"SECRET": ClusterSecretStoreV1Beta1SpecProviderWebhookCaProviderType_SECRET,
			"CONFIG_MAP": ClusterSecretStoreV1Beta1SpecProviderWebhookCaProviderType_CONFIG_MAP,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookResult",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookResult)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookSecrets",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookSecrets)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderWebhookSecretsSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderWebhookSecretsSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanager",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanager)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerAuthAuthorizedKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerAuthAuthorizedKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerCaProviderCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexcertificatemanagerCaProviderCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexlockbox",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexlockbox)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexlockboxAuth",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexlockboxAuth)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexlockboxAuthAuthorizedKeySecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexlockboxAuthAuthorizedKeySecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexlockboxCaProvider",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexlockboxCaProvider)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecProviderYandexlockboxCaProviderCertSecretRef",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecProviderYandexlockboxCaProviderCertSecretRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ClusterSecretStoreV1Beta1SpecRetrySettings",
		reflect.TypeOf((*ClusterSecretStoreV1Beta1SpecRetrySettings)(nil)).Elem(),
	)
	_jsii_.RegisterClass(
		"external-secretsio.ExternalSecret",
		reflect.TypeOf((*ExternalSecret)(nil)).Elem(),
		[]_jsii_.Member{
			_jsii_.MemberMethod{JsiiMethod: "addDependency", GoMethod: "AddDependency"},
			_jsii_.MemberMethod{JsiiMethod: "addJsonPatch", GoMethod: "AddJsonPatch"},
			_jsii_.MemberProperty{JsiiProperty: "apiGroup", GoGetter: "ApiGroup"},
			_jsii_.MemberProperty{JsiiProperty: "apiVersion", GoGetter: "ApiVersion"},
			_jsii_.MemberProperty{JsiiProperty: "chart", GoGetter: "Chart"},
			_jsii_.MemberProperty{JsiiProperty: "kind", GoGetter: "Kind"},
			_jsii_.MemberProperty{JsiiProperty: "metadata", GoGetter: "Metadata"},
			_jsii_.MemberProperty{JsiiProperty: "name", GoGetter: "Name"},
			_jsii_.MemberProperty{JsiiProperty: "node", GoGetter: "Node"},
			_jsii_.MemberMethod{JsiiMethod: "toJson", GoMethod: "ToJson"},
			_jsii_.MemberMethod{JsiiMethod: "toString", GoMethod: "ToString"},
		},
		func() interface{} {
			j := jsiiProxy_ExternalSecret{}
			_jsii_.InitJsiiProxy(&j.Type__cdk8sApiObject)
			return &j
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretProps",
		reflect.TypeOf((*ExternalSecretProps)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpec",
		reflect.TypeOf((*ExternalSecretSpec)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecData",
		reflect.TypeOf((*ExternalSecretSpecData)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFrom",
		reflect.TypeOf((*ExternalSecretSpecDataFrom)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromExtract",
		reflect.TypeOf((*ExternalSecretSpecDataFromExtract)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromExtractConversionStrategy",
		reflect.TypeOf((*ExternalSecretSpecDataFromExtractConversionStrategy)(nil)).Elem(),
		map[string]interface{}{
			"DEFAULT": ExternalSecretSpecDataFromExtractConversionStrategy_DEFAULT,
			"UNICODE": ExternalSecretSpecDataFromExtractConversionStrategy_UNICODE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromExtractDecodingStrategy",
		reflect.TypeOf((*ExternalSecretSpecDataFromExtractDecodingStrategy)(nil)).Elem(),
		map[string]interface{}{
			"AUTO": ExternalSecretSpecDataFromExtractDecodingStrategy_AUTO,
			"BASE64": ExternalSecretSpecDataFromExtractDecodingStrategy_BASE64,
			"BASE64_URL": ExternalSecretSpecDataFromExtractDecodingStrategy_BASE64_URL,
			"NONE": ExternalSecretSpecDataFromExtractDecodingStrategy_NONE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromExtractMetadataPolicy",
		reflect.TypeOf((*ExternalSecretSpecDataFromExtractMetadataPolicy)(nil)).Elem(),
		map[string]interface{}{
			"NONE": ExternalSecretSpecDataFromExtractMetadataPolicy_NONE,
			"FETCH": ExternalSecretSpecDataFromExtractMetadataPolicy_FETCH,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromFind",
		reflect.TypeOf((*ExternalSecretSpecDataFromFind)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromFindConversionStrategy",
		reflect.TypeOf((*ExternalSecretSpecDataFromFindConversionStrategy)(nil)).Elem(),
		map[string]interface{}{
			"DEFAULT": ExternalSecretSpecDataFromFindConversionStrategy_DEFAULT,
			"UNICODE": ExternalSecretSpecDataFromFindConversionStrategy_UNICODE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromFindDecodingStrategy",
		reflect.TypeOf((*ExternalSecretSpecDataFromFindDecodingStrategy)(nil)).Elem(),
		map[string]interface{}{
			"AUTO": ExternalSecretSpecDataFromFindDecodingStrategy_AUTO,
			"BASE64": ExternalSecretSpecDataFromFindDecodingStrategy_BASE64,
			"BASE64_URL": ExternalSecretSpecDataFromFindDecodingStrategy_BASE64_URL,
			"NONE": ExternalSecretSpecDataFromFindDecodingStrategy_NONE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromFindName",
		reflect.TypeOf((*ExternalSecretSpecDataFromFindName)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromRewrite",
		reflect.TypeOf((*ExternalSecretSpecDataFromRewrite)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromRewriteRegexp",
		reflect.TypeOf((*ExternalSecretSpecDataFromRewriteRegexp)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromRewriteTransform",
		reflect.TypeOf((*ExternalSecretSpecDataFromRewriteTransform)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromSourceRef",
		reflect.TypeOf((*ExternalSecretSpecDataFromSourceRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromSourceRefGeneratorRef",
		reflect.TypeOf((*ExternalSecretSpecDataFromSourceRefGeneratorRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromSourceRefGeneratorRefKind",
		reflect.TypeOf((*ExternalSecretSpecDataFromSourceRefGeneratorRefKind)(nil)).Elem(),
		map[string]interface{}{
			"ACR_ACCESS_TOKEN": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_ACR_ACCESS_TOKEN,
			"CLUSTER_GENERATOR": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_CLUSTER_GENERATOR,
			"ECR_AUTHORIZATION_TOKEN": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_ECR_AUTHORIZATION_TOKEN,
			"FAKE": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_FAKE,
			"GCR_ACCESS_TOKEN": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_GCR_ACCESS_TOKEN,
			"GITHUB_ACCESS_TOKEN": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_GITHUB_ACCESS_TOKEN,
			"QUAY_ACCESS_TOKEN": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_QUAY_ACCESS_TOKEN,
			"PASSWORD": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_PASSWORD,
			"STS_SESSION_TOKEN": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_STS_SESSION_TOKEN,
			"UUID": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_UUID,
			"VAULT_DYNAMIC_SECRET": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_VAULT_DYNAMIC_SECRET,
			"WEBHOOK": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_WEBHOOK,
			"GRAFANA": ExternalSecretSpecDataFromSourceRefGeneratorRefKind_GRAFANA,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataFromSourceRefStoreRef",
		reflect.TypeOf((*ExternalSecretSpecDataFromSourceRefStoreRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataFromSourceRefStoreRefKind",
		reflect.TypeOf((*ExternalSecretSpecDataFromSourceRefStoreRefKind)(nil)).Elem(),
		map[string]interface{}{
			"SECRET_STORE": ExternalSecretSpecDataFromSourceRefStoreRefKind_SECRET_STORE,
			"CLUSTER_SECRET_STORE": ExternalSecretSpecDataFromSourceRefStoreRefKind_CLUSTER_SECRET_STORE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataRemoteRef",
		reflect.TypeOf((*ExternalSecretSpecDataRemoteRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataRemoteRefConversionStrategy",
		reflect.TypeOf((*ExternalSecretSpecDataRemoteRefConversionStrategy)(nil)).Elem(),
		map[string]interface{}{
			"DEFAULT": ExternalSecretSpecDataRemoteRefConversionStrategy_DEFAULT,
			"UNICODE": ExternalSecretSpecDataRemoteRefConversionStrategy_UNICODE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataRemoteRefDecodingStrategy",
		reflect.TypeOf((*ExternalSecretSpecDataRemoteRefDecodingStrategy)(nil)).Elem(),
		map[string]interface{}{
			"AUTO": ExternalSecretSpecDataRemoteRefDecodingStrategy_AUTO,
			"BASE64": ExternalSecretSpecDataRemoteRefDecodingStrategy_BASE64,
			"BASE64_URL": ExternalSecretSpecDataRemoteRefDecodingStrategy_BASE64_URL,
			"NONE": ExternalSecretSpecDataRemoteRefDecodingStrategy_NONE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataRemoteRefMetadataPolicy",
		reflect.TypeOf((*ExternalSecretSpecDataRemoteRefMetadataPolicy)(nil)).Elem(),
		map[string]interface{}{
			"NONE": ExternalSecretSpecDataRemoteRefMetadataPolicy_NONE,
			"FETCH": ExternalSecretSpecDataRemoteRefMetadataPolicy_FETCH,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataSourceRef",
		reflect.TypeOf((*ExternalSecretSpecDataSourceRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataSourceRefGeneratorRef",
		reflect.TypeOf((*ExternalSecretSpecDataSourceRefGeneratorRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataSourceRefGeneratorRefKind",
		reflect.TypeOf((*ExternalSecretSpecDataSourceRefGeneratorRefKind)(nil)).Elem(),
		map[string]interface{}{
			"ACR_ACCESS_TOKEN": ExternalSecretSpecDataSourceRefGeneratorRefKind_ACR_ACCESS_TOKEN,
			"CLUSTER_GENERATOR": ExternalSecretSpecDataSourceRefGeneratorRefKind_CLUSTER_GENERATOR,
			"ECR_AUTHORIZATION_TOKEN": ExternalSecretSpecDataSourceRefGeneratorRefKind_ECR_AUTHORIZATION_TOKEN,
			"FAKE": ExternalSecretSpecDataSourceRefGeneratorRefKind_FAKE,
			"GCR_ACCESS_TOKEN": ExternalSecretSpecDataSourceRefGeneratorRefKind_GCR_ACCESS_TOKEN,
			"GITHUB_ACCESS_TOKEN": ExternalSecretSpecDataSourceRefGeneratorRefKind_GITHUB_ACCESS_TOKEN,
			"QUAY_ACCESS_TOKEN": ExternalSecretSpecDataSourceRefGeneratorRefKind_QUAY_ACCESS_TOKEN,
			"PASSWORD": ExternalSecretSpecDataSourceRefGeneratorRefKind_PASSWORD,
			"STS_SESSION_TOKEN": ExternalSecretSpecDataSourceRefGeneratorRefKind_STS_SESSION_TOKEN,
			"UUID": ExternalSecretSpecDataSourceRefGeneratorRefKind_UUID,
			"VAULT_DYNAMIC_SECRET": ExternalSecretSpecDataSourceRefGeneratorRefKind_VAULT_DYNAMIC_SECRET,
			"WEBHOOK": ExternalSecretSpecDataSourceRefGeneratorRefKind_WEBHOOK,
			"GRAFANA": ExternalSecretSpecDataSourceRefGeneratorRefKind_GRAFANA,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecDataSourceRefStoreRef",
		reflect.TypeOf((*ExternalSecretSpecDataSourceRefStoreRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecDataSourceRefStoreRefKind",
		reflect.TypeOf((*ExternalSecretSpecDataSourceRefStoreRefKind)(nil)).Elem(),
		map[string]interface{}{
			"SECRET_STORE": ExternalSecretSpecDataSourceRefStoreRefKind_SECRET_STORE,
			"CLUSTER_SECRET_STORE": ExternalSecretSpecDataSourceRefStoreRefKind_CLUSTER_SECRET_STORE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecRefreshPolicy",
		reflect.TypeOf((*ExternalSecretSpecRefreshPolicy)(nil)).Elem(),
		map[string]interface{}{
			"CREATED_ONCE": ExternalSecretSpecRefreshPolicy_CREATED_ONCE,
			"PERIODIC": ExternalSecretSpecRefreshPolicy_PERIODIC,
			"ON_CHANGE": ExternalSecretSpecRefreshPolicy_ON_CHANGE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecSecretStoreRef",
		reflect.TypeOf((*ExternalSecretSpecSecretStoreRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecSecretStoreRefKind",
		reflect.TypeOf((*ExternalSecretSpecSecretStoreRefKind)(nil)).Elem(),
		map[string]interface{}{
			"SECRET_STORE": ExternalSecretSpecSecretStoreRefKind_SECRET_STORE,
			"CLUSTER_SECRET_STORE": ExternalSecretSpecSecretStoreRefKind_CLUSTER_SECRET_STORE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTarget",
		reflect.TypeOf((*ExternalSecretSpecTarget)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetCreationPolicy",
		reflect.TypeOf((*ExternalSecretSpecTargetCreationPolicy)(nil)).Elem(),
		map[string]interface{}{
			"OWNER": ExternalSecretSpecTargetCreationPolicy_OWNER,
			"ORPHAN": ExternalSecretSpecTargetCreationPolicy_ORPHAN,
			"MERGE": ExternalSecretSpecTargetCreationPolicy_MERGE,
			"NONE": ExternalSecretSpecTargetCreationPolicy_NONE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetDeletionPolicy",
		reflect.TypeOf((*ExternalSecretSpecTargetDeletionPolicy)(nil)).Elem(),
		map[string]interface{}{
			"DELETE": ExternalSecretSpecTargetDeletionPolicy_DELETE,
			"MERGE": ExternalSecretSpecTargetDeletionPolicy_MERGE,
			"RETAIN": ExternalSecretSpecTargetDeletionPolicy_RETAIN,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplate",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplate)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetTemplateEngineVersion",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateEngineVersion)(nil)).Elem(),
		map[string]interface{}{
			"V2": ExternalSecretSpecTargetTemplateEngineVersion_V2,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetTemplateMergePolicy",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateMergePolicy)(nil)).Elem(),
		map[string]interface{}{
			"REPLACE": ExternalSecretSpecTargetTemplateMergePolicy_REPLACE,
			"MERGE": ExternalSecretSpecTargetTemplateMergePolicy_MERGE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplateMetadata",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateMetadata)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFrom",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFrom)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromConfigMap",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromConfigMap)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromConfigMapItems",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromConfigMapItems)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromConfigMapItemsTemplateAs",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromConfigMapItemsTemplateAs)(nil)).Elem(),
		map[string]interface{}{
			"VALUES": ExternalSecretSpecTargetTemplateTemplateFromConfigMapItemsTemplateAs_VALUES,
			"KEYS_AND_VALUES": ExternalSecretSpecTargetTemplateTemplateFromConfigMapItemsTemplateAs_KEYS_AND_VALUES,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromSecret",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromSecretItems",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromSecretItems)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromSecretItemsTemplateAs",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromSecretItemsTemplateAs)(nil)).Elem(),
		map[string]interface{}{
			"VALUES": ExternalSecretSpecTargetTemplateTemplateFromSecretItemsTemplateAs_VALUES,
			"KEYS_AND_VALUES": ExternalSecretSpecTargetTemplateTemplateFromSecretItemsTemplateAs_KEYS_AND_VALUES,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretSpecTargetTemplateTemplateFromTarget",
		reflect.TypeOf((*ExternalSecretSpecTargetTemplateTemplateFromTarget)(nil)).Elem(),
		map[string]interface{}{
			"DATA": ExternalSecretSpecTargetTemplateTemplateFromTarget_DATA,
			"ANNOTATIONS": ExternalSecretSpecTargetTemplateTemplateFromTarget_ANNOTATIONS,
			"LABELS": ExternalSecretSpecTargetTemplateTemplateFromTarget_LABELS,
		},
	)
	_jsii_.RegisterClass(
		"external-secretsio.ExternalSecretV1Beta1",
		reflect.TypeOf((*ExternalSecretV1Beta1)(nil)).Elem(),
		[]_jsii_.Member{
			_jsii_.MemberMethod{JsiiMethod: "addDependency", GoMethod: "AddDependency"},
			_jsii_.MemberMethod{JsiiMethod: "addJsonPatch", GoMethod: "AddJsonPatch"},
			_jsii_.MemberProperty{JsiiProperty: "apiGroup", GoGetter: "ApiGroup"},
			_jsii_.MemberProperty{JsiiProperty: "apiVersion", GoGetter: "ApiVersion"},
			_jsii_.MemberProperty{JsiiProperty: "chart", GoGetter: "Chart"},
			_jsii_.MemberProperty{JsiiProperty: "kind", GoGetter: "Kind"},
			_jsii_.MemberProperty{JsiiProperty: "metadata", GoGetter: "Metadata"},
			_jsii_.MemberProperty{JsiiProperty: "name", GoGetter: "Name"},
			_jsii_.MemberProperty{JsiiProperty: "node", GoGetter: "Node"},
			_jsii_.MemberMethod{JsiiMethod: "toJson", GoMethod: "ToJson"},
			_jsii_.MemberMethod{JsiiMethod: "toString", GoMethod: "ToString"},
		},
		func() interface{} {
			j := jsiiProxy_ExternalSecretV1Beta1{}
			_jsii_.InitJsiiProxy(&j.Type__cdk8sApiObject)
			return &j
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1Props",
		reflect.TypeOf((*ExternalSecretV1Beta1Props)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1Spec",
		reflect.TypeOf((*ExternalSecretV1Beta1Spec)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecData",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecData)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFrom",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFrom)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromExtract",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromExtract)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromExtractConversionStrategy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromExtractConversionStrategy)(nil)).Elem(),
		map[string]interface{}{
			"DEFAULT": ExternalSecretV1Beta1SpecDataFromExtractConversionStrategy_DEFAULT,
			"UNICODE": ExternalSecretV1Beta1SpecDataFromExtractConversionStrategy_UNICODE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromExtractDecodingStrategy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromExtractDecodingStrategy)(nil)).Elem(),
		map[string]interface{}{
			"AUTO": ExternalSecretV1Beta1SpecDataFromExtractDecodingStrategy_AUTO,
			"BASE64": ExternalSecretV1Beta1SpecDataFromExtractDecodingStrategy_BASE64,
			"BASE64_URL": ExternalSecretV1Beta1SpecDataFromExtractDecodingStrategy_BASE64_URL,
			"NONE": ExternalSecretV1Beta1SpecDataFromExtractDecodingStrategy_NONE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromExtractMetadataPolicy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromExtractMetadataPolicy)(nil)).Elem(),
		map[string]interface{}{
			"NONE": ExternalSecretV1Beta1SpecDataFromExtractMetadataPolicy_NONE,
			"FETCH": ExternalSecretV1Beta1SpecDataFromExtractMetadataPolicy_FETCH,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromFind",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromFind)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromFindConversionStrategy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromFindConversionStrategy)(nil)).Elem(),
		map[string]interface{}{
			"DEFAULT": ExternalSecretV1Beta1SpecDataFromFindConversionStrategy_DEFAULT,
			"UNICODE": ExternalSecretV1Beta1SpecDataFromFindConversionStrategy_UNICODE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromFindDecodingStrategy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromFindDecodingStrategy)(nil)).Elem(),
		map[string]interface{}{
			"AUTO": ExternalSecretV1Beta1SpecDataFromFindDecodingStrategy_AUTO,
			"BASE64": ExternalSecretV1Beta1SpecDataFromFindDecodingStrategy_BASE64,
			"BASE64_URL": ExternalSecretV1Beta1SpecDataFromFindDecodingStrategy_BASE64_URL,
			"NONE": ExternalSecretV1Beta1SpecDataFromFindDecodingStrategy_NONE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromFindName",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromFindName)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromRewrite",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromRewrite)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromRewriteRegexp",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromRewriteRegexp)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromRewriteTransform",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromRewriteTransform)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromSourceRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromSourceRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind)(nil)).Elem(),
		map[string]interface{}{
			"ACR_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_ACR_ACCESS_TOKEN,
			"CLUSTER_GENERATOR": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_CLUSTER_GENERATOR,
			"ECR_AUTHORIZATION_TOKEN": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_ECR_AUTHORIZATION_TOKEN,
			"FAKE": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_FAKE,
			"GCR_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_GCR_ACCESS_TOKEN,
			"GITHUB_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_GITHUB_ACCESS_TOKEN,
			"QUAY_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_QUAY_ACCESS_TOKEN,
			"PASSWORD": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_PASSWORD,
			"STS_SESSION_TOKEN": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_STS_SESSION_TOKEN,
			"UUID": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_UUID,
			"VAULT_DYNAMIC_SECRET": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_VAULT_DYNAMIC_SECRET,
			"WEBHOOK": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_WEBHOOK,
			"GRAFANA": ExternalSecretV1Beta1SpecDataFromSourceRefGeneratorRefKind_GRAFANA,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromSourceRefStoreRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromSourceRefStoreRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataFromSourceRefStoreRefKind",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataFromSourceRefStoreRefKind)(nil)).Elem(),
		map[string]interface{}{
			"SECRET_STORE": ExternalSecretV1Beta1SpecDataFromSourceRefStoreRefKind_SECRET_STORE,
			"CLUSTER_SECRET_STORE": ExternalSecretV1Beta1SpecDataFromSourceRefStoreRefKind_CLUSTER_SECRET_STORE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataRemoteRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataRemoteRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataRemoteRefConversionStrategy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataRemoteRefConversionStrategy)(nil)).Elem(),
		map[string]interface{}{
			"DEFAULT": ExternalSecretV1Beta1SpecDataRemoteRefConversionStrategy_DEFAULT,
			"UNICODE": ExternalSecretV1Beta1SpecDataRemoteRefConversionStrategy_UNICODE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataRemoteRefDecodingStrategy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataRemoteRefDecodingStrategy)(nil)).Elem(),
		map[string]interface{}{
			"AUTO": ExternalSecretV1Beta1SpecDataRemoteRefDecodingStrategy_AUTO,
			"BASE64": ExternalSecretV1Beta1SpecDataRemoteRefDecodingStrategy_BASE64,
			"BASE64_URL": ExternalSecretV1Beta1SpecDataRemoteRefDecodingStrategy_BASE64_URL,
			"NONE": ExternalSecretV1Beta1SpecDataRemoteRefDecodingStrategy_NONE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataRemoteRefMetadataPolicy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataRemoteRefMetadataPolicy)(nil)).Elem(),
		map[string]interface{}{
			"NONE": ExternalSecretV1Beta1SpecDataRemoteRefMetadataPolicy_NONE,
			"FETCH": ExternalSecretV1Beta1SpecDataRemoteRefMetadataPolicy_FETCH,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataSourceRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataSourceRef)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataSourceRefGeneratorRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataSourceRefGeneratorRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind)(nil)).Elem(),
		map[string]interface{}{
			"ACR_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_ACR_ACCESS_TOKEN,
			"CLUSTER_GENERATOR": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_CLUSTER_GENERATOR,
			"ECR_AUTHORIZATION_TOKEN": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_ECR_AUTHORIZATION_TOKEN,
			"FAKE": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_FAKE,
			"GCR_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_GCR_ACCESS_TOKEN,
			"GITHUB_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_GITHUB_ACCESS_TOKEN,
			"QUAY_ACCESS_TOKEN": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_QUAY_ACCESS_TOKEN,
			"PASSWORD": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_PASSWORD,
			"STS_SESSION_TOKEN": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_STS_SESSION_TOKEN,
			"UUID": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_UUID,
			"VAULT_DYNAMIC_SECRET": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_VAULT_DYNAMIC_SECRET,
			"WEBHOOK": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_WEBHOOK,
			"GRAFANA": ExternalSecretV1Beta1SpecDataSourceRefGeneratorRefKind_GRAFANA,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecDataSourceRefStoreRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataSourceRefStoreRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecDataSourceRefStoreRefKind",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecDataSourceRefStoreRefKind)(nil)).Elem(),
		map[string]interface{}{
			"SECRET_STORE": ExternalSecretV1Beta1SpecDataSourceRefStoreRefKind_SECRET_STORE,
			"CLUSTER_SECRET_STORE": ExternalSecretV1Beta1SpecDataSourceRefStoreRefKind_CLUSTER_SECRET_STORE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecRefreshPolicy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecRefreshPolicy)(nil)).Elem(),
		map[string]interface{}{
			"CREATED_ONCE": ExternalSecretV1Beta1SpecRefreshPolicy_CREATED_ONCE,
			"PERIODIC": ExternalSecretV1Beta1SpecRefreshPolicy_PERIODIC,
			"ON_CHANGE": ExternalSecretV1Beta1SpecRefreshPolicy_ON_CHANGE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecSecretStoreRef",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecSecretStoreRef)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecSecretStoreRefKind",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecSecretStoreRefKind)(nil)).Elem(),
		map[string]interface{}{
			"SECRET_STORE": ExternalSecretV1Beta1SpecSecretStoreRefKind_SECRET_STORE,
			"CLUSTER_SECRET_STORE": ExternalSecretV1Beta1SpecSecretStoreRefKind_CLUSTER_SECRET_STORE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTarget",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTarget)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetCreationPolicy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetCreationPolicy)(nil)).Elem(),
		map[string]interface{}{
			"OWNER": ExternalSecretV1Beta1SpecTargetCreationPolicy_OWNER,
			"ORPHAN": ExternalSecretV1Beta1SpecTargetCreationPolicy_ORPHAN,
			"MERGE": ExternalSecretV1Beta1SpecTargetCreationPolicy_MERGE,
			"NONE": ExternalSecretV1Beta1SpecTargetCreationPolicy_NONE,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetDeletionPolicy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetDeletionPolicy)(nil)).Elem(),
		map[string]interface{}{
			"DELETE": ExternalSecretV1Beta1SpecTargetDeletionPolicy_DELETE,
			"MERGE": ExternalSecretV1Beta1SpecTargetDeletionPolicy_MERGE,
			"RETAIN": ExternalSecretV1Beta1SpecTargetDeletionPolicy_RETAIN,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplate",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplate)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateEngineVersion",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateEngineVersion)(nil)).Elem(),
		map[string]interface{}{
			"V2": ExternalSecretV1Beta1SpecTargetTemplateEngineVersion_V2,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateMergePolicy",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateMergePolicy)(nil)).Elem(),
		map[string]interface{}{
			"REPLACE": ExternalSecretV1Beta1SpecTargetTemplateMergePolicy_REPLACE,
			"MERGE": ExternalSecretV1Beta1SpecTargetTemplateMergePolicy_MERGE,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateMetadata",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateMetadata)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFrom",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFrom)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMap",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMap)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItems",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItems)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItemsTemplateAs",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItemsTemplateAs)(nil)).Elem(),
		map[string]interface{}{
			"VALUES": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItemsTemplateAs_VALUES,
			"KEYS_AND_VALUES": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromConfigMapItemsTemplateAs_KEYS_AND_VALUES,
		},
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecret",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecret)(nil)).Elem(),
	)
	_jsii_.RegisterStruct(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItems",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItems)(nil)).Elem(),
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItemsTemplateAs",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItemsTemplateAs)(nil)).Elem(),
		map[string]interface{}{
			"VALUES": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItemsTemplateAs_VALUES,
			"KEYS_AND_VALUES": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromSecretItemsTemplateAs_KEYS_AND_VALUES,
		},
	)
	_jsii_.RegisterEnum(
		"external-secretsio.ExternalSecretV1Beta1SpecTargetTemplateTemplateFromTarget",
		reflect.TypeOf((*ExternalSecretV1Beta1SpecTargetTemplateTemplateFromTarget)(nil)).Elem(),
		map[string]interface{}{
			"DATA": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromTarget_DATA,
			"ANNOTATIONS": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromTarget_ANNOTATIONS,
			"LABELS": ExternalSecretV1Beta1SpecTargetTemplateTemplateFromTarget_LABELS,
		},
	)
}
