using System.Text.RegularExpressions;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Whether a sentence gives what it says as some source's account rather than as fact: "Most reference works list the
/// Nile … as the longest river", "Some historians date the birth of Genghis Khan to 1162", "A 2019 study showed …", "In
/// 2002 the Indonesian government estimated that the country had 17,508 islands", "Some astronauts have reported seeing
/// the Great Wall of China from low Earth orbit" (people who tell what they saw are sources too). Such a
/// sentence is one voice among possible others, so the dispute margin does not let it silence a conflicting sentence
/// (<see cref="VerdictAggregator"/>).
/// </summary>
public static partial class SourceAttribution
{
    // A determiner or quantifier, up to three words (a date, an adjective, a name), and a noun for a source of accounts.
    [GeneratedRegex(
        @"\b(?:some|many|most|other|several|earlier|later|recent|official|one|another|a|the)\s+(?:[\w-]+\s+){0,3}?" +
        @"(?:historians|scientists|sources|accounts|reference\s+works|textbooks|studies|study|estimates?|surveys?|reports?|" +
        @"researchers|experts|scholars|chroniclers|biographers|writers|authors|measurements?|counts?|research|inquiry|census|expedition|government|ministry|" +
        @"astronauts|witnesses|eyewitnesses|observers)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceOfAccount();

    public static bool Cites(string sentence) => SourceOfAccount().IsMatch(sentence);
}
