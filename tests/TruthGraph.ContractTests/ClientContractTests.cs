using System.Reflection;
using TruthGraph.Api.Inference;
using TruthGraph.Api.Performance;
using Dashboard = TruthGraph.Web.Services;

namespace TruthGraph.ContractTests;

/// <summary>
/// Every call one TruthGraph service makes to another, and every call of the dashboard, checked against the called
/// service's committed OpenAPI document (<see cref="OpenApiContract"/>): renaming a member on either side fails here.
/// </summary>
public sealed class ClientContractTests
{
    /// <summary>
    /// One client record, the operation it is sent to or read from, and which side of the call it is; or, for data
    /// that no operation returns as JSON (server-sent events, a report kept as raw JSON), the component schema it reads.
    /// </summary>
    public sealed record Call(string Service, string Method, string Path, bool IsRequest, Type Client, IReadOnlySet<string>? LocalOnly = null)
    {
        public static Call Payload(string service, string schema, Type client, IReadOnlySet<string>? localOnly = null) =>
            new(service, "", schema, false, client, localOnly);
    }

    private static Type Private(Type owner, string name) =>
        owner.GetNestedType(name, BindingFlags.NonPublic) ?? throw new MissingMemberException(owner.Name, name);

    public static readonly IReadOnlyDictionary<string, Call> Calls = new Dictionary<string, Call>
    {
        // The dashboard → the API
        ["web: status"] = new("api", "GET", "/api/status", false, typeof(Dashboard.ApiStatus)),
        ["web: sample claims"] = new("api", "GET", "/api/samples/claims", false, typeof(List<Dashboard.SampleClaim>)),
        ["web: verify request"] = new("api", "POST", "/api/verify", true, typeof(Dashboard.VerifyRequestBody)),
        ["web: verify response"] = new("api", "POST", "/api/verify", false, typeof(Dashboard.VerificationView)),
        ["web: batch request"] = new("api", "POST", "/api/verify/batch", true, typeof(Dashboard.VerifyBatchRequestBody)),
        ["web: batch response"] = new("api", "POST", "/api/verify/batch", false, typeof(List<Dashboard.VerificationView>)),
        ["web: wrong-verdict label"] = new("api", "POST", "/api/verifications/{id}/feedback", true, typeof(Dashboard.VerdictFeedbackRequestBody)),
        ["web: stored label"] = new("api", "POST", "/api/verifications/{id}/feedback", false, typeof(Dashboard.VerdictFeedbackView)),
        ["web: history page"] = new("api", "GET", "/api/verifications", false, typeof(Dashboard.VerificationPageView)),
        ["web: one verification"] = new("api", "GET", "/api/verifications/{id}", false, typeof(Dashboard.VerificationView)),
        ["web: evidence stats"] = new("api", "GET", "/api/evidence/stats", false, typeof(Dashboard.EvidenceStatsView)),
        ["web: evidence search"] = new("api", "GET", "/api/evidence/search", false, typeof(Dashboard.EvidenceSearchView)),
        ["web: upload"] = new("api", "POST", "/api/ingestions", false, typeof(Dashboard.IngestionJobView)),
        ["web: ingestion job"] = new("api", "GET", "/api/ingestions/{id}", false, typeof(Dashboard.IngestionJobView)),
        ["web: remove a source"] = new("api", "DELETE", "/api/evidence/sources/{source}", false, typeof(Dashboard.SourceRemovedView)),
        ["web: sweeps"] = new("api", "GET", "/api/sweeps", false, typeof(List<Dashboard.PerfJobView>)),
        ["web: one sweep"] = new("api", "GET", "/api/sweeps/{id}", false, typeof(Dashboard.PerfJobView)),
        ["web: start a sweep"] = new("api", "POST", "/api/sweeps", true, typeof(Dashboard.SweepStartRequest)),
        ["web: started sweep"] = new("api", "POST", "/api/sweeps", false, typeof(Dashboard.PerfJobView)),
        ["web: start a profile"] = new("api", "POST", "/api/profiles", true, typeof(Dashboard.ProfileStartRequest)),
        ["web: start a perf run"] = new("api", "POST", "/api/perf-runs", true, typeof(Dashboard.PerfRunStartRequest)),
        ["web: applied sweep"] = new("api", "POST", "/api/sweeps/{id}/apply", false, typeof(Dashboard.PerfJobView)),
        ["web: sweep report"] = Call.Payload("api", "SweepReport", typeof(Dashboard.SweepReportView)),
        ["web: profile report"] = Call.Payload("api", "ProfileJobReport", typeof(Dashboard.ProfileReportView)),
        ["web: perf run report"] = Call.Payload("api", "PerfRunReport", typeof(Dashboard.PerfRunReportView)),
        ["web: job event"] = Call.Payload("api", "PerfEvent", typeof(Dashboard.PerfEventView)),
        ["web: traces"] = new("api", "GET", "/api/traces", false, typeof(TruthGraph.ServiceDefaults.Tracing.TraceList)),
        ["web: one trace"] = new("api", "GET", "/api/traces/{traceId}", false, typeof(TruthGraph.ServiceDefaults.Tracing.TraceDetail)),

        // The dashboard → the inference service
        ["web: models"] = new("inference", "GET", "/v1/models", false, typeof(Dashboard.ModelListView)),
        ["web: warm a model up"] = new("inference", "POST", "/v1/models/{id}/warmup", false, typeof(Dashboard.ModelView)),

        // The API → the inference service
        ["api: nli request"] = new("inference", "POST", "/v1/nli", true, typeof(NliRequest)),
        ["api: nli response"] = new("inference", "POST", "/v1/nli", false, typeof(NliResponse)),
        ["api: model thresholds"] = new("inference", "GET", "/v1/models/{id}", false, typeof(ServedNliModel)),
        ["api: embeddings request"] = new("inference", "POST", "/v1/embeddings", true, Private(typeof(HttpEmbeddingClient), "EmbeddingRequest")),
        ["api: embeddings response"] = new("inference", "POST", "/v1/embeddings", false, Private(typeof(HttpEmbeddingClient), "EmbeddingResponse")),
        ["api: embedding models"] = new("inference", "GET", "/v1/models", false, Private(typeof(HttpEmbeddingClient), "ModelList")),
        ["api: perf models"] = new("inference", "GET", "/v1/models", false, Private(typeof(InferencePerfClient), "ModelList")),
        ["api: runtime memory"] = new("inference", "GET", "/v1/runtime", false, typeof(ProcessMemory)),
        ["api: tuned batch size request"] = new("inference", "POST", "/v1/models/{id}/tuned-batch-size", true, typeof(TunedBatchSizeCall)),
        ["api: tuned batch size response"] = new("inference", "POST", "/v1/models/{id}/tuned-batch-size", false, typeof(InferenceModel)),
        ["api: sweep request"] = new("inference", "POST", "/v1/sweeps", true, typeof(InferenceSweepRequest)),
        ["api: profile request"] = new("inference", "POST", "/v1/profiles", true, typeof(InferenceProfileRequest)),
        ["api: sweep stream result"] = Call.Payload("inference", "SweepReport", typeof(SweepReport)),
        // The API adds its own components (retrieval, aggregation) to the same list, marked Process = "api"; the
        // inference service's components take the default, "inference".
        ["api: profile stream result"] = Call.Payload("inference", "ProfileReport", typeof(InferenceProfileReport), new HashSet<string> { "ComponentProfile.process" }),
        ["api: stream progress"] = Call.Payload("inference", "PerfProgress", typeof(InferenceProgress)),
        ["api: stream error"] = Call.Payload("inference", "PerfStreamError", Private(typeof(InferencePerfClient), "StreamError")),
        ["api: inference trace"] = new("inference", "GET", "/v1/traces/{traceId}", false, typeof(TruthGraph.ServiceDefaults.Tracing.TraceDetail)),
    };

    public static TheoryData<string> CallNames => new(Calls.Keys);

    [Theory]
    [MemberData(nameof(CallNames))]
    public void The_client_record_matches_the_called_services_document(string name)
    {
        var call = Calls[name];
        var document = call.Service == "api" ? OpenApiContract.Api : OpenApiContract.Inference;

        var mismatches = call.Method.Length == 0 ? document.Compare(call.Client, document.Schema(call.Path), isRequest: false, call.LocalOnly)
            : call.IsRequest ? document.RequestMismatches(call.Client, call.Method, call.Path)
            : document.ResponseMismatches(call.Client, call.Method, call.Path);

        Assert.True(mismatches.Count == 0, string.Join(Environment.NewLine, mismatches));
    }
}
