using System.Text.Json.Serialization;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>What the wording of an evidence sentence shows about a claim, read word by word rather than by the NLI model.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WordingMatch>))]
public enum WordingMatch
{
    /// <summary>Nothing the words alone can settle: the NLI model's reading stands.</summary>
    [JsonStringEnumMemberName("none")] None,

    /// <summary>
    /// The sentence contains the claim's content words in the claim's order, with at most one other word among them,
    /// and says "not" where the claim does: "Diamonds do not dissolve in water." in "Diamonds do not dissolve in water
    /// or in common acids." A restatement (support), whatever the model made of the negation.
    /// </summary>
    [JsonStringEnumMemberName("restates-claim")] RestatesClaim,

    /// <summary>
    /// The sentence is the claim with another name in the place of the claim's, and the claim's name appears nowhere in
    /// it: "Toronto is the capital city of Canada." against "Ottawa is the capital of Canada." A changed name
    /// (contradiction), which the model, seeing every other word match, tends to read as support.
    /// </summary>
    [JsonStringEnumMemberName("swaps-name")] SwapsName,

    /// <summary>
    /// The sentence is the claim with another number or date in the claim's place: "World War II ended in 1939." against
    /// "World War II ended in 1945." (contradiction; the model read it as support at 0.60). Rounding is no change.
    /// </summary>
    [JsonStringEnumMemberName("swaps-number")] SwapsNumber,

    /// <summary>
    /// The sentence is the claim with one word negated by its prefix: "Pi is a rational number." against "Pi is an
    /// irrational number." (contradiction; the model read it as support at 0.82).
    /// </summary>
    [JsonStringEnumMemberName("negates-word")] NegatesWord,

    /// <summary>
    /// The sentence is the claim with one word replaced by its opposite (<see cref="Opposites"/>): "Arctic sea ice extent
    /// in September has grown since 1979." against "… has declined markedly since 1979." (contradiction; the model read
    /// it as support at 0.81).
    /// </summary>
    [JsonStringEnumMemberName("swaps-opposite")] SwapsOpposite,

    /// <summary>
    /// The sentence compares the same two things the other way round: "Volcanoes emit more carbon dioxide than human
    /// activities." against "Human activities emit far more carbon dioxide than volcanoes do." (contradiction; the model
    /// read it as support at 0.90).
    /// </summary>
    [JsonStringEnumMemberName("reverses-comparison")] ReversesComparison,

    /// <summary>
    /// The sentence credits the claim's deed to another maker, in words of its own (<see cref="Credit"/>): "Shakespeare
    /// wrote Don Quixote." against "Miguel de Cervantes published the first part of Don Quixote in 1605." (contradiction;
    /// the model read it as support at 0.59).
    /// </summary>
    [JsonStringEnumMemberName("credits-another-name")] CreditsAnotherName,

    /// <summary>
    /// The sentence has every content word of the claim and says "not" of one of them (<see cref="Denial"/>): "Blood in your
    /// veins is blue." against "Blood in human veins is dark red, not blue; …" (contradiction; the model read it as support
    /// at 0.68).
    /// </summary>
    [JsonStringEnumMemberName("denies-word")] DeniesWord,

    /// <summary>
    /// The sentence gives a span of years and the claim's start or end year is its first or last (<see cref="Span"/>):
    /// "The American Civil War ended in 1865." against "… was fought from 1861 to 1865." (support; the model read a
    /// contradiction at 0.93).
    /// </summary>
    [JsonStringEnumMemberName("matches-span")] MatchesSpan,

    /// <summary>
    /// The sentence gives a span of years and the claim's start or end year is not its first or last: "Queen Victoria's
    /// reign began in 1901." against "… reigned … from 1837 until her death in 1901." (contradiction; the model read
    /// support at 0.88).
    /// </summary>
    [JsonStringEnumMemberName("misses-span")] MissesSpan,

    /// <summary>
    /// The claim says "not" of one word, and the sentence says "not" (or "no") of the same word, of the claim's subject,
    /// in the same clause (<see cref="SharedNegation"/>): "The koala is not a bear." against "Despite the common name koala
    /// bear, the koala is a marsupial and not a bear." (support; the model read a contradiction at 0.91).
    /// </summary>
    [JsonStringEnumMemberName("shares-negation")] SharesNegation,

    /// <summary>
    /// The claim is the sentence with "not" added and one name, number, prefix or opposite changed: what the claim denies,
    /// the sentence replaces. "Pi is not a rational number." against "Pi is an irrational number, so its decimal expansion
    /// never ends or repeats." (support; the model read a contradiction at 0.93).
    /// </summary>
    [JsonStringEnumMemberName("denies-replaced")] DeniesReplaced,

    /// <summary>
    /// The claim says that no N is more than X, and the sentence that X is the most of them (<see cref="Superlative"/>):
    /// "No planet is closer to the Sun than Mercury." against "Mercury is the planet closest to the Sun." (support; the
    /// model read a contradiction at 0.78).
    /// </summary>
    [JsonStringEnumMemberName("restates-superlative")] RestatesSuperlative,

    /// <summary>
    /// The sentence compares the same two things the other way round with the opposite comparative, which says the same
    /// (<see cref="ReversedComparison"/>): "Ice is less dense than liquid water." against "Liquid water is more dense than
    /// ice." (support).
    /// </summary>
    [JsonStringEnumMemberName("restates-comparison")] RestatesComparison,

    /// <summary>
    /// The sentence gives the claim's "from A to B", "A into B" or "A before B" the other way round (<see cref="Direction"/>):
    /// "The Statue of Liberty was a gift from the United States to France." against "… a gift from the people of France to
    /// the United States …" (contradiction; the model read support at 0.96).
    /// </summary>
    [JsonStringEnumMemberName("reverses-direction")] ReversesDirection,

    /// <summary>
    /// The sentence gives the claim's number in another unit of the same kind, and the claim's unit nowhere
    /// (<see cref="Unit"/>): "Sunlight takes about eight hours to reach Earth." against "Light from the Sun takes about 8
    /// minutes and 20 seconds to reach Earth." (contradiction; the model read support at 0.90).
    /// </summary>
    [JsonStringEnumMemberName("swaps-unit")] SwapsUnit,

    /// <summary>
    /// The claim is the sentence with two of its names exchanged (<see cref="Roles"/>): "France invaded Germany in 1940."
    /// against "Germany invaded France in 1940." (contradiction; the model read support at 0.99).
    /// </summary>
    [JsonStringEnumMemberName("swaps-roles")] SwapsRoles,

    /// <summary>
    /// The sentence gives the claim's one measured amount, the same in any unit of its kind, and nothing else of the claim
    /// changed (<see cref="Amount"/>): "Red blood cells in humans last around four months …" against "… for about 120 days
    /// …" (support; the model read a contradiction at 0.56).
    /// </summary>
    [JsonStringEnumMemberName("matches-amount")] MatchesAmount,
}
