using TruthGraph.ServiceDefaults.Datasets;

namespace TruthGraph.ServiceDefaults.UnitTests.Datasets;

/// <summary>The one reader of labelled CLIMATE-FEVER files (evaluation, accuracy check, trainers).</summary>
public sealed class ClimateFeverFileTests : IDisposable
{
    private const string FirstClaim =
        """{"claim_id":"7","claim":"Ice is melting.","claim_label":"SUPPORTS","evidences":[{"evidence_id":"Ice:1","evidence":"Ice melts.","evidence_label":"SUPPORTS","article":"Ice"},{"evidence_id":"Ice:2","evidence":"Cold.","evidence_label":"NOT_ENOUGH_INFO","article":"Ice","votes":["NOT_ENOUGH_INFO","SUPPORTS",null,null,null]}]}""";

    private const string SecondClaim =
        """{"claim_id":"8","claim":"Seas are not rising.","claim_label":"REFUTES","kind":"negation","evidences":[{"evidence_id":"Sea:1","evidence":"Seas rise.","evidence_label":"REFUTES"}]}""";

    private readonly string _path = Path.Combine(Path.GetTempPath(), $"climate-fever-{Guid.NewGuid():N}.jsonl");

    public void Dispose() => File.Delete(_path);

    [Fact]
    public void Reads_every_claim_in_file_order_skipping_blank_lines()
    {
        File.WriteAllLines(_path, [FirstClaim, "", "  ", SecondClaim]);

        var claims = ClimateFeverFile.Read(_path, record => record);

        Assert.Equal(["7", "8"], claims.Select(c => c.ClaimId));
        Assert.Equal(("Ice is melting.", "SUPPORTS", (string?)null), (claims[0].Claim, claims[0].ClaimLabel, claims[0].Kind));
        Assert.Equal(("Ice:2", "Cold.", "NOT_ENOUGH_INFO"), (claims[0].Evidence[1].EvidenceId, claims[0].Evidence[1].Text, claims[0].Evidence[1].Label));
        Assert.Equal(["NOT_ENOUGH_INFO", "SUPPORTS"], claims[0].Evidence[1].Votes!);
        Assert.Null(claims[0].Evidence[0].Votes);
        Assert.Equal("negation", claims[1].Kind);
    }

    [Fact]
    public void A_line_that_is_not_a_claim_is_reported_with_its_file_and_line()
    {
        File.WriteAllLines(_path, [FirstClaim, """{"claim_id":"9","claim":"No evidence."}"""]);

        var error = Assert.Throws<InvalidDataException>(() => ClimateFeverFile.Read(_path, record => record));

        Assert.StartsWith($"{_path}, line 2: not a CLIMATE-FEVER claim", error.Message);
    }

    [Fact]
    public void A_label_the_caller_does_not_know_is_reported_with_its_line()
    {
        File.WriteAllLines(_path, [SecondClaim, FirstClaim]);

        var error = Assert.Throws<InvalidDataException>(() => ClimateFeverFile.Read(_path,
            record => record.ClaimLabel == "REFUTES" ? record : throw new InvalidDataException($"Unknown label '{record.ClaimLabel}'.")));

        Assert.Contains("line 2", error.Message);
        Assert.Contains("Unknown label 'SUPPORTS'", error.Message);
    }
}
