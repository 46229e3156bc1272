namespace TruthGraph.Api.UnitTests.Verification;

public sealed class VerificationResultCacheTests
{
    private static readonly ModelIds Models = new("all-minilm-l6-v2", "nli-minilm-cross");

    [Fact]
    public void A_claim_reworded_only_in_case_and_spacing_shares_a_key()
    {
        Assert.Equal(
            VerificationResultCache.KeyFor("Sound can travel through a vacuum.", 10, 0.45, 7, Models, "abc-int8"),
            VerificationResultCache.KeyFor("  sound CAN travel   through a vacuum. ", 10, 0.45, 7, Models, "abc-int8"));
    }

    [Fact]
    public void Another_corpus_version_model_or_model_revision_never_shares_a_key()
    {
        var key = VerificationResultCache.KeyFor("Sound can travel through a vacuum.", 10, 0.45, 7, Models, "abc-int8");

        Assert.NotEqual(key, VerificationResultCache.KeyFor("Sound can travel through a vacuum.", 10, 0.45, 8, Models, "abc-int8"));
        Assert.NotEqual(key, VerificationResultCache.KeyFor("Sound can travel through a vacuum.", 10, 0.45, 7, Models with { Nli = "nli-minilm-head" }, "abc-int8"));
        // The same model id redeployed with another adapter, thresholds or calibration (a new manifest), or served in fp32.
        Assert.NotEqual(key, VerificationResultCache.KeyFor("Sound can travel through a vacuum.", 10, 0.45, 7, Models, "def-int8"));
        Assert.NotEqual(key, VerificationResultCache.KeyFor("Sound can travel through a vacuum.", 10, 0.45, 7, Models, "abc-fp32"));
    }
}
