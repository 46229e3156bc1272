namespace TruthGraph.Web.Services;

/// <summary>NLI probabilities and verdict confidence in words: readable without hovering, so on touch screens too.</summary>
public static class ProbabilityText
{
    public static string Of(EvidenceView evidence) =>
        $"entails {Percent(evidence.Entailment)} · neutral {Percent(evidence.Neutral)} · contradicts {Percent(evidence.Contradiction)}";

    /// <summary>
    /// The verdict's confidence said plainly. It is the NLI model's (calibrated) probability for the sentence that decided
    /// the verdict; NOT ENOUGH INFO has no deciding sentence, so it gets no percentage at all.
    /// </summary>
    public static string Confidence(string verdict, double confidence, int evidenceCount) => verdict switch
    {
        "NOT_ENOUGH_INFO" when evidenceCount == 0 => "No evidence retrieved: nothing in the corpus is close enough to this claim.",
        "NOT_ENOUGH_INFO" => "No retrieved sentence settles this claim either way.",
        "SUPPORTED" => $"{Likelihood(confidence)} true: the deciding sentence entails the claim with probability {Percent(confidence)}.",
        "REFUTED" => $"{Likelihood(confidence)} false: the deciding sentence contradicts the claim with probability {Percent(confidence)}.",
        "DISPUTED" => $"Sources disagree: the weaker side's best sentence has probability {Percent(confidence)}.",
        _ => $"Confidence {Percent(confidence)}.",
    };

    private static string Likelihood(double p) => p switch
    {
        >= 0.9 => "Very likely",
        >= 0.7 => "Likely",
        >= 0.5 => "More likely than not",
        _ => "Possibly",
    };

    public static string Percent(double p) => $"{Math.Round(Math.Clamp(p, 0, 1) * 100):0} %";
}
