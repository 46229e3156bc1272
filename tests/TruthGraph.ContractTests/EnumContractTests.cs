using System.Text.Json.Serialization;
using TruthGraph.Api.Jobs;
using TruthGraph.Api.Performance;
using Dashboard = TruthGraph.Web.Services;

namespace TruthGraph.ContractTests;

/// <summary>Enums in the documents: the values each side writes, and what the client check says when they differ.</summary>
public sealed class EnumContractTests
{
    [JsonConverter(typeof(JsonStringEnumConverter<ShortStatus>))]
    public enum ShortStatus
    {
        [JsonStringEnumMemberName("queued")] Queued,
        [JsonStringEnumMemberName("done")] Done,
    }

    [Fact]
    public void The_api_document_lists_the_kinds_and_statuses_by_their_wire_names()
    {
        Assert.Equal(["queued", "running", "completed", "failed", "cancelled"], Values(OpenApiContract.Api.Schema(nameof(JobStatus))));
        Assert.Equal(["profile", "sweep", "perf-run"], Values(OpenApiContract.Api.Schema(nameof(PerfJobKind))));
        Assert.Equal(OpenApiContract.EnumNames(typeof(JobStatus)), OpenApiContract.EnumNames(typeof(Dashboard.JobStatus)));
        Assert.Equal(["sweep", "perf-run", "profile"], OpenApiContract.EnumNames(typeof(Dashboard.PerfKind)));
    }

    [Fact]
    public void A_client_enum_that_lacks_a_value_or_has_one_more_is_a_mismatch_naming_both()
    {
        var mismatches = OpenApiContract.Api.Compare(typeof(ShortStatus), OpenApiContract.Api.Schema(nameof(JobStatus)), isRequest: false);

        Assert.Contains(mismatches, m => m.Contains("the server has the value \"running\", which ShortStatus lacks"));
        Assert.Contains(mismatches, m => m.Contains("ShortStatus has the value \"done\", which the server lacks"));
        Assert.DoesNotContain(mismatches, m => m.Contains("\"queued\""));
    }

    [Fact]
    public void A_plain_string_still_reads_an_enum()
    {
        Assert.Empty(OpenApiContract.Api.Compare(typeof(string), OpenApiContract.Api.Schema(nameof(JobStatus)), isRequest: false));
    }

    private static List<string> Values(System.Text.Json.JsonElement schema) =>
        schema.GetProperty("enum").EnumerateArray().Select(v => v.GetString()!).ToList();
}
