using System.Text.Json;
using TruthGraph.Api.Verification;

namespace TruthGraph.CrossEncoderTraining.Tests;

/// <summary>FEVER's held-out claims: kept out of training by a hash, written as CLIMATE-FEVER claims for threshold tuning.</summary>
public sealed class FeverTuneClaimsTests
{
    [Fact]
    public void About_one_claim_in_sixteen_is_held_out_and_the_choice_depends_on_the_text_alone()
    {
        var claims = Enumerable.Range(0, 4000).Select(i => $"Claim number {i} is about something.").ToList();

        var held = claims.Count(FeverHoldOut.IsHeldOut);

        Assert.InRange(held, 4000 / 16 - 60, 4000 / 16 + 60);
        Assert.All(claims, c => Assert.Equal(FeverHoldOut.IsHeldOut(c), FeverHoldOut.IsHeldOut("  " + c + " ")));
    }

    [Fact]
    public void The_file_holds_only_held_out_claims_readable_as_climate_fever_and_some_lose_their_evidence()
    {
        var folder = Directory.CreateTempSubdirectory("truthgraph-fever-tune-");
        try
        {
            // Every claim gets its own evidence; held-out and trained-on claims alike.
            var lines = Enumerable.Range(0, 800).Select(i => JsonSerializer.Serialize(new
            {
                premise = $"Evidence sentence {i} says the thing.",
                hypothesis = $"Claim {i} is true.",
                label = i % 2 == 0 ? "entailment" : "contradiction",
            }));
            var fever = Path.Combine(folder.FullName, "fever_pairs.jsonl");
            File.WriteAllLines(fever, lines);
            var output = Path.Combine(folder.FullName, FeverTuneClaims.Name);

            var counts = FeverTuneClaims.Write(fever, output);
            var claims = Datasets.ReadClimateFever(output);
            var kinds = File.ReadLines(output).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("kind").GetString()).ToList();

            Assert.NotEmpty(claims);
            Assert.All(claims, c => Assert.True(FeverHoldOut.IsHeldOut(c.Claim), c.Claim));
            Assert.Equal(Enumerable.Range(0, 800).Count(i => FeverHoldOut.IsHeldOut($"Claim {i} is true.")), claims.Count);
            Assert.All(kinds, k => Assert.Equal("fever-held-out", k));
            var withoutEvidence = claims.Where(c => c.Pairs.Count == 0).ToList();
            Assert.All(withoutEvidence, c => Assert.Equal(Verdict.NotEnoughInfo, c.Label));
            Assert.InRange(withoutEvidence.Count, claims.Count / 4 - 1, claims.Count / 4 + 1);
            Assert.All(claims.Where(c => c.Pairs.Count > 0), c =>
            {
                var number = c.Claim.Split(' ')[1];
                Assert.Equal(int.Parse(number) % 2 == 0 ? Verdict.Supported : Verdict.Refuted, c.Label);
                Assert.Equal($"Evidence sentence {number} says the thing.", Assert.Single(c.Pairs).Premise);
            });
            Assert.Equal(claims.Count, counts.Values.Sum());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
