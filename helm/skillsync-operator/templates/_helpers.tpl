{{/* Chart name, shortened to the 63 characters a label value allows. */}}
{{- define "skillsync-operator.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/* Full name of the release's objects; the release name alone when it already contains the chart name. */}}
{{- define "skillsync-operator.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "skillsync-operator.chart" -}}
{{- printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "skillsync-operator.selectorLabels" -}}
app.kubernetes.io/name: {{ include "skillsync-operator.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "skillsync-operator.labels" -}}
helm.sh/chart: {{ include "skillsync-operator.chart" . }}
{{ include "skillsync-operator.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/component: operator
app.kubernetes.io/part-of: skillsync
app.kubernetes.io/managed-by: {{ .Release.Service }}
{{- end }}

{{- define "skillsync-operator.serviceAccountName" -}}
{{- if .Values.serviceAccount.create }}
{{- default (include "skillsync-operator.fullname" .) .Values.serviceAccount.name }}
{{- else }}
{{- required "serviceAccount.name is required when serviceAccount.create is false" .Values.serviceAccount.name }}
{{- end }}
{{- end }}

{{/* The operator's ServiceAccount, as the one subject of each of its role bindings. */}}
{{- define "skillsync-operator.subjects" -}}
- kind: ServiceAccount
  name: {{ include "skillsync-operator.serviceAccountName" . }}
  namespace: {{ .Release.Namespace }}
{{- end }}

{{/* Leader election is on when asked for, and always with more than one replica: two pods must never reconcile at once. */}}
{{- define "skillsync-operator.leaderElection" -}}
{{- if or .Values.leaderElection.enabled (gt (int .Values.replicaCount) 1) }}true{{ end }}
{{- end }}

{{/* The Lease that the replicas compete for, in the release namespace. */}}
{{- define "skillsync-operator.leaseName" -}}
{{- printf "%s-leader" (include "skillsync-operator.fullname" .) | trunc 63 | trimSuffix "-" }}
{{- end }}

{{/*
What the operator does to the resources of a watched namespace, and nothing more: it reads and updates Skills and
writes their status and finalizer (never creates or deletes them, never writes the CRD), watches ConfigMaps, reads
the API key and registry Secrets it is pointed at by name, and records Events.
*/}}
{{- define "skillsync-operator.watchRules" -}}
- apiGroups: ["skillsync.dev"]
  resources: ["skills"]
  verbs: ["get", "list", "watch", "patch", "update"]
- apiGroups: ["skillsync.dev"]
  resources: ["skills/status", "skills/finalizers"]
  verbs: ["patch", "update"]
- apiGroups: [""]
  resources: ["configmaps"]
  verbs: ["get", "list", "watch"]
- apiGroups: [""]
  resources: ["secrets"]
  verbs: ["get"]
- apiGroups: [""]
  resources: ["events"]
  verbs: ["create", "patch"]
{{- end }}
