using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class PredictionTests
{
    [Theory]
    [InlineData("Global sea level will rise by more than one metre by 2100.", "Global mean sea level rose by about 20 centimetres between 1900 and 2018.")]
    [InlineData("Arctic summers are going to be ice-free.", "Arctic sea ice extent in September has declined markedly since satellite records began in 1979.")]
    public void A_sentence_about_what_is_or_was_is_silent_on_a_claim_about_the_future(string claim, string sentence) =>
        Assert.True(Prediction.SilentOnFuture(claim, sentence));

    [Theory]
    // The sentence predicts too.
    [InlineData("Global sea level will rise by more than one metre by 2100.", "Sea level is projected to rise by 0.3 to 1 metre by 2100.")]
    [InlineData("Global sea level will rise by more than one metre by 2100.", "Models suggest sea level could rise by up to a metre.")]
    [InlineData("Global sea level will rise by more than one metre by 2100.", "Under a high-emission scenario sea level rises by about 0.8 metres.")]
    // The claim is about what is or was.
    [InlineData("Global sea level rose by one metre in the twentieth century.", "Global mean sea level rose by about 20 centimetres between 1900 and 2018.")]
    public void A_prediction_or_a_claim_about_the_past_is_read_as_usual(string claim, string sentence) =>
        Assert.False(Prediction.SilentOnFuture(claim, sentence));
}
