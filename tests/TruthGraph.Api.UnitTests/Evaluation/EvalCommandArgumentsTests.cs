using TruthGraph.Api.Cli;

namespace TruthGraph.Api.UnitTests.Evaluation;

/// <summary>
/// <c>eval</c>'s arguments are checked before it connects anywhere: a typo gets exit code 2 and a message, not a stack
/// trace (the connection string and inference address below point nowhere, so reaching them would throw).
/// </summary>
public sealed class EvalCommandArgumentsTests
{
    private const string Nowhere = "Host=127.0.0.1;Port=1;Database=none";

    [Theory]
    [InlineData("ten")]
    [InlineData("0")]
    [InlineData("-3")]
    public async Task A_top_k_that_is_not_a_positive_whole_number_is_a_usage_error(string topK)
    {
        var code = await EvalCommand.RunAsync(["samples", "--connection", Nowhere, "--inference", "http://127.0.0.1:1", "--top-k", topK]);

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task A_data_file_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"truthgraph-no-such-{Guid.NewGuid():N}.jsonl");

        var code = await EvalCommand.RunAsync(["climate-fever", "--data", missing, "--connection", Nowhere, "--inference", "http://127.0.0.1:1"]);

        Assert.Equal(2, code);
    }

    [Fact]
    public async Task A_claims_file_that_does_not_exist_is_a_usage_error()
    {
        var missing = Path.Combine(Path.GetTempPath(), $"truthgraph-no-such-{Guid.NewGuid():N}.json");

        var code = await EvalCommand.RunAsync(["samples", "--claims", missing, "--connection", Nowhere, "--inference", "http://127.0.0.1:1"]);

        Assert.Equal(2, code);
    }
}
