// Package observability creates the alarm topic and CloudWatch alarms for
// the database and the load balancer.
package observability

import (
	"fmt"
	"math"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/cloudwatchlogmetricfilter"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/cloudwatchmetricalarm"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/dbeventsubscription"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/snstopic"
	"github.com/cdktf/cdktf-provider-aws-go/aws/v19/snstopicsubscription"
	"github.com/hashicorp/terraform-cdk-go/cdktf"

	"github.com/supabase-eks/supabase-eks/internal/capacity"
	"github.com/supabase-eks/supabase-eks/internal/contract/names"
	"github.com/supabase-eks/supabase-eks/internal/contract/outputs"
)

// Props configures the alarms.
type Props struct {
	Name string
	// Environment names the backup metric's dimension.
	Environment  string
	KMSKeyARN    *string
	AlarmEmail   string
	DBIdentifier string
	// DBMaxConnections is the instance's max_connections. The connections
	// alarm fires above the connection budget's full scale-out (variable
	// rds_connections_alarm_threshold, written by the deploy from
	// dist/<env>), never above capacity.Threshold of it.
	DBMaxConnections int
	// DBAllocatedStorageGiB sizes the free-storage alarm (10% left).
	DBAllocatedStorageGiB int
	// ReplicationSlotLagBytes alarms when Realtime's logical slot falls behind.
	ReplicationSlotLagBytes int64
	// PoolerLogGroup, when set, is the log group Supavisor's output reaches
	// (Container Insights' application group): the pooler saturation
	// alarms count its refusals there. The add-on creates the group, so
	// the filters wait for variable PoolerLogAlarmsVariable, which the
	// deploy sets once the group exists.
	PoolerLogGroup string
}

// PoolerLogAlarmsVariable turns on the pooler's log metric filters and
// alarms; the deploy's alarms step sets it.
const PoolerLogAlarmsVariable = names.PoolerLogAlarmsVariable

// PoolerMetricNamespace holds the metrics the pooler's log filters count.
const PoolerMetricNamespace = "Supabase/Pooler"

// PoolerSaturation is one refusal Supavisor logs when it is saturated,
// with the filter pattern that counts it. The messages are Supavisor
// v2.7.4's (lib/supavisor/client_handler.ex), logged at error level with
// the "ClientHandler: " prefix; an image bump must recheck them.
type PoolerSaturation struct {
	Alarm, Metric, Pattern, Description string
}

// PoolerSaturations are the client side (every client slot of a user is
// taken: max_clients) and the server side (no server connection freed up
// within the checkout timeout in transaction mode, or a session-mode
// client beyond pool_size).
var PoolerSaturations = []PoolerSaturation{
	{Alarm: "pooler-clients-saturated", Metric: "MaxClientsReached",
		Pattern:     `"ClientHandler: Max client connections reached"`,
		Description: "Supavisor refused clients: a user's max_clients is reached. Clients are opening more connections than the tenant allows (leak, missing pooling in the app); raise max_clients only if RDS has room (make capacity)."},
	{Alarm: "pooler-server-saturated", Metric: "CheckoutTimeouts",
		Pattern:     `?"Unable to check out process from the pool due to timeout" ?"MaxClientsInSessionMode"`,
		Description: "Supavisor's server pool is exhausted: transactions waited past the checkout timeout, or session-mode clients exceeded pool_size. Long transactions hold the pool; raise the pool size only within the connection budget (make capacity)."},
}

// alarmFunc builds the configuration of an alarm on one metric that
// notifies the topic (New's closure).
type alarmFunc = func(id, metric, namespace, stat, op string, threshold float64, periods int, dims map[string]*string, desc string) cloudwatchmetricalarm.CloudwatchMetricAlarmConfig

// BackupAlarmHours without a successful backup raise the missed-backup
// alarm: a day and an hour, for a daily schedule.
const BackupAlarmHours = 25

// RDSEventCategories are the RDS events sent to the alarm topic.
var RDSEventCategories = []string{"availability", "failover", "failure", "low storage", "maintenance", "recovery"}

// Observability exposes the alarm topic.
type Observability struct {
	TopicARN *string
	// ALBArnSuffix is the Terraform variable that turns on the ALB alarms.
	ALBArnSuffix cdktf.TerraformVariable
}

// New creates the topic and the alarms.
// connectionsAlarm fires when RDS holds more connections than the budget
// says every component at full scale-out can open: something the model
// does not know (a leak, a new client, an unpooled application) is
// connecting, while there is still room. Until the deploy has computed
// the budget, and never higher, the threshold is capacity.Threshold of
// max_connections, where the budget's own test fails.
func connectionsAlarm(scope constructs.Construct, alarm alarmFunc,
	p Props, db map[string]*string) cloudwatchmetricalarm.CloudwatchMetricAlarmConfig {
	limit := math.Floor(capacity.Threshold * float64(p.DBMaxConnections))
	v := cdktf.NewTerraformVariable(scope, jsii.String(capacity.AlarmThresholdVariable), &cdktf.TerraformVariableConfig{
		Type:        jsii.String("number"),
		Default:     jsii.Number(limit),
		Description: jsii.String(fmt.Sprintf("Connections above which the RDS connections alarm fires: the connection budget at full scale-out (make capacity), at most %.0f (%.0f %% of max_connections %d).", limit, capacity.Threshold*100, p.DBMaxConnections)),
		Validation: &[]*cdktf.TerraformVariableValidationConfig{{
			Condition:    jsii.String(fmt.Sprintf("${var.%s >= 1 && var.%s <= %.0f}", capacity.AlarmThresholdVariable, capacity.AlarmThresholdVariable, limit)),
			ErrorMessage: jsii.String(fmt.Sprintf("%s must be 1..%.0f (%.0f %% of max_connections %d): a budget above that fails make capacity.", capacity.AlarmThresholdVariable, limit, capacity.Threshold*100, p.DBMaxConnections)),
		}},
	})
	cfg := alarm("rds-connections", "DatabaseConnections", "AWS/RDS", "Maximum", "GreaterThanThreshold", limit, 2, db,
		fmt.Sprintf("RDS connections above the connection budget's full scale-out (make capacity; at most %.0f %% of max_connections %d): a client the budget does not count is connecting. Find it in pg_stat_activity; put it behind the pooler or raise the budget.", capacity.Threshold*100, p.DBMaxConnections))
	cfg.Threshold = v.NumberValue()
	return cfg
}

func New(scope constructs.Construct, id string, p Props) *Observability {
	c := constructs.NewConstruct(scope, jsii.String(id))
	topic := snstopic.NewSnsTopic(c, jsii.String("alarms"), &snstopic.SnsTopicConfig{
		Name:           jsii.String(p.Name + "-alarms"),
		KmsMasterKeyId: p.KMSKeyARN,
	})
	if p.AlarmEmail != "" {
		snstopicsubscription.NewSnsTopicSubscription(c, jsii.String("alarm-email"), &snstopicsubscription.SnsTopicSubscriptionConfig{
			TopicArn: topic.Arn(),
			Protocol: jsii.String("email"),
			Endpoint: jsii.String(p.AlarmEmail),
		})
	}
	// What CloudWatch metrics do not say: a Multi-AZ failover happened, the
	// instance failed or restarted, storage ran low, maintenance is due.
	dbeventsubscription.NewDbEventSubscription(c, jsii.String("rds-events"), &dbeventsubscription.DbEventSubscriptionConfig{
		Name:            jsii.String(p.Name + "-rds-events"),
		SnsTopic:        topic.Arn(),
		SourceType:      jsii.String("db-instance"),
		SourceIds:       jsii.Strings(p.DBIdentifier),
		EventCategories: jsii.Strings(RDSEventCategories...),
	})
	alarm := func(id, metric, namespace, stat, op string, threshold float64, periods int, dims map[string]*string, desc string) cloudwatchmetricalarm.CloudwatchMetricAlarmConfig {
		d := dims
		return cloudwatchmetricalarm.CloudwatchMetricAlarmConfig{
			AlarmName:          jsii.String(p.Name + "-" + id),
			AlarmDescription:   jsii.String(desc),
			Namespace:          jsii.String(namespace),
			MetricName:         jsii.String(metric),
			Statistic:          jsii.String(stat),
			ComparisonOperator: jsii.String(op),
			Threshold:          jsii.Number(threshold),
			Period:             jsii.Number(300),
			EvaluationPeriods:  jsii.Number(float64(periods)),
			Dimensions:         &d,
			TreatMissingData:   jsii.String("notBreaching"),
			AlarmActions:       &[]*string{topic.Arn()},
			OkActions:          &[]*string{topic.Arn()},
		}
	}
	// The logical backup runs daily and reports each success. Hourly sums
	// with the empty hours filled with 0: 25 zero hours in a row (a
	// failed, hung or never-started run) alarm. A one-day period with
	// missing data as breaching would wait days: CloudWatch looks further
	// back when data stops.
	cloudwatchmetricalarm.NewCloudwatchMetricAlarm(c, jsii.String("backup-missed"), &cloudwatchmetricalarm.CloudwatchMetricAlarmConfig{
		AlarmName:          jsii.String(p.Name + "-backup-missed"),
		AlarmDescription:   jsii.String("No successful logical backup (pg_dump CronJob) for 25 hours: `make logs COMPONENT=db-backup`, kubectl get jobs -n supabase."),
		ComparisonOperator: jsii.String("LessThanThreshold"),
		Threshold:          jsii.Number(1),
		EvaluationPeriods:  jsii.Number(BackupAlarmHours),
		DatapointsToAlarm:  jsii.Number(BackupAlarmHours),
		TreatMissingData:   jsii.String("breaching"),
		AlarmActions:       &[]*string{topic.Arn()},
		OkActions:          &[]*string{topic.Arn()},
		MetricQuery: []*cloudwatchmetricalarm.CloudwatchMetricAlarmMetricQuery{
			{Id: jsii.String("successes"), ReturnData: jsii.Bool(false), Metric: &cloudwatchmetricalarm.CloudwatchMetricAlarmMetricQueryMetric{
				Namespace: jsii.String(outputs.BackupMetricNamespace), MetricName: jsii.String(outputs.BackupMetricName),
				Dimensions: &map[string]*string{outputs.BackupMetricDimension: jsii.String(p.Environment)},
				Period:     jsii.Number(3600), Stat: jsii.String("Sum"),
			}},
			{Id: jsii.String("filled"), Expression: jsii.String("FILL(successes, 0)"), Label: jsii.String("successful backups per hour"), ReturnData: jsii.Bool(true)},
		},
	})

	db := map[string]*string{"DBInstanceIdentifier": jsii.String(p.DBIdentifier)}
	for _, cfg := range []cloudwatchmetricalarm.CloudwatchMetricAlarmConfig{
		alarm("rds-cpu", "CPUUtilization", "AWS/RDS", "Average", "GreaterThanThreshold", 80, 3, db,
			"RDS CPU above 80% for 15 minutes: scale the instance class or find the query (Performance Insights)."),
		alarm("rds-free-storage", "FreeStorageSpace", "AWS/RDS", "Minimum", "LessThanThreshold",
			float64(p.DBAllocatedStorageGiB)*0.1*(1<<30), 1, db,
			"RDS free storage below 10% of the allocation: storage autoscaling may have hit its maximum."),
		connectionsAlarm(scope, alarm, p, db),
		// Realtime consumes a logical replication slot; a stuck consumer makes
		// the slot lag grow until max_slot_wal_keep_size invalidates it.
		alarm("rds-replication-slot-lag", "OldestReplicationSlotLag", "AWS/RDS", "Maximum", "GreaterThanThreshold",
			float64(p.ReplicationSlotLagBytes), 3, db,
			"Logical replication slot lag (Realtime) is growing: check the realtime pods."),
	} {
		cfg := cfg
		cloudwatchmetricalarm.NewCloudwatchMetricAlarm(c, cfg.AlarmName, &cfg)
	}

	// The ALB belongs to the AWS Load Balancer Controller, so Terraform learns
	// its ARN suffix only after the first deploy: `make deploy` re-applies with
	// this variable set, and the ALB alarms appear.
	suffix := cdktf.NewTerraformVariable(scope, jsii.String("alb_arn_suffix"), &cdktf.TerraformVariableConfig{
		Type:        jsii.String("string"),
		Default:     jsii.String(""),
		Description: jsii.String("ARN suffix (app/<name>/<id>) of the ALB the ingress created; empty skips the ALB alarms."),
	})
	count := cdktf.Token_AsNumber(jsii.String(`${var.alb_arn_suffix == "" ? 0 : 1}`))
	alb := map[string]*string{"LoadBalancer": suffix.StringValue()}
	for _, cfg := range []cloudwatchmetricalarm.CloudwatchMetricAlarmConfig{
		alarm("alb-5xx", "HTTPCode_Target_5XX_Count", "AWS/ApplicationELB", "Sum", "GreaterThanThreshold", 25, 2, alb,
			"More than 25 target 5xx responses per 5 minutes behind the ALB."),
		alarm("alb-target-response-time", "TargetResponseTime", "AWS/ApplicationELB", "Average", "GreaterThanThreshold", 2, 3, alb,
			"Average target response time above 2 s for 15 minutes."),
	} {
		cfg := cfg
		cfg.Count = count
		cloudwatchmetricalarm.NewCloudwatchMetricAlarm(c, cfg.AlarmName, &cfg)
	}
	if p.PoolerLogGroup != "" {
		poolerAlarms(scope, c, p, alarm)
	}
	return &Observability{TopicARN: topic.Arn(), ALBArnSuffix: suffix}
}

// poolerAlarms counts Supavisor's saturation refusals in its log group and
// alarms on the first one in five minutes.
func poolerAlarms(scope, c constructs.Construct, p Props, alarm alarmFunc) {
	cdktf.NewTerraformVariable(scope, jsii.String(PoolerLogAlarmsVariable), &cdktf.TerraformVariableConfig{
		Type:        jsii.String("bool"),
		Default:     jsii.Bool(false),
		Description: jsii.String("Create the pooler's log metric filters and alarms on " + p.PoolerLogGroup + " (the deploy sets it once the Container Insights add-on has created the group)."),
	})
	count := cdktf.Token_AsNumber(jsii.String("${var." + PoolerLogAlarmsVariable + " ? 1 : 0}"))
	for _, s := range PoolerSaturations {
		cloudwatchlogmetricfilter.NewCloudwatchLogMetricFilter(c, jsii.String(s.Alarm+"-filter"), &cloudwatchlogmetricfilter.CloudwatchLogMetricFilterConfig{
			Count:        count,
			Name:         jsii.String(p.Name + "-" + s.Alarm),
			LogGroupName: jsii.String(p.PoolerLogGroup),
			Pattern:      jsii.String(s.Pattern),
			MetricTransformation: &cloudwatchlogmetricfilter.CloudwatchLogMetricFilterMetricTransformation{
				Name: jsii.String(s.Metric), Namespace: jsii.String(PoolerMetricNamespace),
				Value: jsii.String("1"), DefaultValue: jsii.String("0"),
				Dimensions: &map[string]*string{},
			},
		})
		cfg := alarm(s.Alarm, s.Metric, PoolerMetricNamespace, "Sum", "GreaterThanOrEqualToThreshold", 1, 1, map[string]*string{}, s.Description)
		cfg.Count = count
		cloudwatchmetricalarm.NewCloudwatchMetricAlarm(c, jsii.String(s.Alarm), &cfg)
	}
}
