using TruthGraph.Wording;

namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// The sentence denies what the claim denies, of the same subject, in words of its own order
/// (<see cref="WordingMatch.SharesNegation"/>): "The koala is not a bear." against "Despite the common name koala bear, the
/// koala is a marsupial and not a bear.", "Venus does not have any moons." against "Venus has no natural moons, unlike
/// Earth and Mars.", "Electric cars do not produce tailpipe emissions." against "Electric cars produce no tailpipe
/// emissions, although …". The model reads the claim's "not" as a contradiction whatever the sentence says (0.91 and 0.98 for
/// the first two), so a true negative claim is refuted by the sentence that proves it. <see cref="Restatement"/> covers the
/// word-for-word case; this one lets the subject and the denial stand apart.
/// </summary>
internal static class SharedNegation
{
    /// <summary>Words that may stand between the subject and the "not" ("a marsupial and not a bear").</summary>
    public const int MaxWordsBetween = 1;

    /// <summary>"not any moons" says "no moons": the quantifier after the claim's "not" is part of the negation.</summary>
    private static readonly HashSet<string> NegatedQuantifiers = Words.KeysOf("any single");

    public static bool Shares(List<ContentWord> claim, List<ContentWord> evidence)
    {
        var not = claim.FindIndex(w => w.IsNegation);
        // One "not", with the subject before it and the denied word after it ("Nobody lives …" has no subject to hold on to).
        if (not < 1 || claim.Skip(not + 1).Any(w => w.IsNegation) || claim.Take(not).Any(w => w.IsValue))
        {
            return false;
        }
        var denied = not + 1;
        while (denied < claim.Count && NegatedQuantifiers.Contains(claim[denied].Key))
        {
            denied++;
        }
        if (denied == claim.Count || claim[denied].IsValue || Denial.Limiters.Contains(claim[denied].Key))
        {
            return false;
        }
        var deniedKey = claim[denied].Key;
        var subject = claim.Take(not).Select(w => w.Key).ToList();
        if (DeniesDerivedWord(claim, not, subject, evidence) || DeniesAnyBearing(claim, subject, evidence)
            || Lacks(claim, denied, subject, evidence))
        {
            return true;
        }
        var rest = claim.Skip(denied + 1).Select(w => w.Key).ToList();
        for (var i = 1; i < evidence.Count - 1; i++)
        {
            // The sentence's last "not", with the claim's words after the denied one somewhere after it.
            if (!evidence[i].IsNegation || evidence.Skip(i + 1).Any(w => w.IsNegation)
                || !rest.All(k => evidence.Skip(i + 1).Any(w => w.Key == k)))
            {
                continue;
            }
            if (DeniesAt(evidence, i, deniedKey) && SubjectBefore(evidence, i, subject))
            {
                return true;
            }
            // "Electric cars produce no tailpipe emissions." denies what "Electric cars do not produce tailpipe emissions." does.
            if (rest.Count > 0 && evidence[i - 1].Key == deniedKey && evidence[i + 1].Key == rest[0] && SubjectBefore(evidence, i - 1, subject))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The shortest common beginning by which two words count as one word's forms ("conductor" and "conduct").</summary>
    public const int MinSharedStem = 6;

    /// <summary>
    /// The sentence denies the claim's object with a word formed from the claim's own: "Pure water is not a good conductor
    /// of electricity." against "Pure water does not conduct electricity well" (the model: contradiction 0.51). The
    /// sentence's last "not" follows the claim's subject in its clause and is followed by a form of one of the claim's
    /// denied words (<see cref="MinSharedStem"/> letters in common) and then by the claim's last word, a plain one: "does
    /// not reduce cancer" shares no form with "does not cause cancer".
    /// </summary>
    private static bool DeniesDerivedWord(List<ContentWord> claim, int not, List<string> subject, List<ContentWord> evidence)
    {
        var denied = claim.Skip(not + 1).ToList();
        var last = denied[^1];
        if (denied.Count < 2 || last.IsName || last.IsValue)
        {
            return false;
        }
        var at = evidence.FindLastIndex(w => w.IsNegation);
        if (at < 1 || at + 2 >= evidence.Count || evidence[at + 2].Key != last.Key
            || evidence[at + 1].FollowsClauseMark || evidence[at + 2].FollowsClauseMark || !SubjectBefore(evidence, at, subject))
        {
            return false;
        }
        var verb = evidence[at + 1].Key;
        return denied.Take(denied.Count - 1).Any(w => w.Key != verb && SharedStemLength(w.Key, verb) >= MinSharedStem);
    }

    /// <summary>
    /// Nouns by which a sentence denies that one thing bears on another at all: "no effect on", "no link between".
    /// </summary>
    private static readonly HashSet<string> BearingNouns = Words.KeysOf("effect link connection association impact influence role");

    /// <summary>The most words between the bearing noun and the claim's last word ("no link between the MMR vaccine and autism").</summary>
    public const int MaxWordsToObject = 4;

    /// <summary>
    /// The sentence says the claim's subject has no bearing on what the claim's last word names, whatever the claim's
    /// verb: "Antibiotics do not work against viruses." against "Antibiotics kill … bacteria but have no effect on
    /// viruses." (the model: contradiction 0.94), "Vaccines do not cause autism." against "… found no link between the
    /// MMR vaccine and autism." Only a fixed few nouns deny a bearing; a negated verb of the sentence's own ("does not
    /// reduce cancer") is no denial of "does not cause cancer". The claim's subject stands in the same clause as the "no".
    /// </summary>
    private static bool DeniesAnyBearing(List<ContentWord> claim, List<string> subject, List<ContentWord> evidence)
    {
        var last = claim[^1];
        if (last.IsValue || last.IsNegation)
        {
            return false;
        }
        for (var i = 0; i < evidence.Count - 2; i++)
        {
            if (!evidence[i].IsNegation || !BearingNouns.Contains(evidence[i + 1].Key) || evidence[i + 1].FollowsClauseMark)
            {
                continue;
            }
            var end = ClauseEnd(evidence, i);
            var objectAt = evidence.FindIndex(i + 2, end - i - 2, w => w.Key == last.Key);
            if (objectAt < 0 || objectAt - (i + 2) > MaxWordsToObject || evidence.Skip(i + 1).Any(w => w.IsNegation))
            {
                continue;
            }
            var clause = evidence[ClauseStart(evidence, i)..end];
            if (subject.Any(k => clause.Any(w => w.Key == k)))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Words a relative clause may put between the subject and its "lack": "Bacteria are single-celled organisms that lack …".</summary>
    public const int MaxWordsBeforeRelativeLack = 3;

    private static readonly HashSet<string> Relatives = Words.KeysOf("that which who");

    private static readonly HashSet<string> Copulas = Words.KeysOf("is are was were");

    /// <summary>
    /// "lack W" says "not have W": "Bacteria do not have a nucleus." against "Bacteria are single-celled organisms that lack
    /// a nucleus." (the model: contradiction 0.98). The claim's words after its "not" follow the sentence's "lack" in
    /// order; the sentence says nothing negative besides, and its "lack" follows the claim's subject closely, or in a
    /// relative clause on what the subject is.
    /// </summary>
    private static bool Lacks(List<ContentWord> claim, int denied, List<string> subject, List<ContentWord> evidence)
    {
        if (evidence.Any(w => w.IsNegation))
        {
            return false;
        }
        var lacked = claim.Skip(denied).Select(w => w.Key).ToList();
        for (var i = 1; i + lacked.Count < evidence.Count; i++)
        {
            var after = evidence.GetRange(i + 1, lacked.Count);
            if (!Denial.Lacking.Contains(evidence[i].Key) || !after.Select(w => w.Key).SequenceEqual(lacked) || after.Any(w => w.FollowsClauseMark))
            {
                continue;
            }
            var clause = evidence[ClauseStart(evidence, i)..i];
            var lastSubjectWord = clause.FindLastIndex(w => subject.Contains(w.Key));
            if (!subject.All(k => clause.Any(w => w.Key == k)))
            {
                continue;
            }
            // A "that lack" must describe what the subject is ("Bacteria are … organisms that lack"), not what it made ("Toshiba
            // has produced a fuel cell that lacks") nor which of them ("Bacteria that lack a nucleus are …").
            if (evidence[i].FunctionWordBefore is { } before && Relatives.Contains(before))
            {
                if (lastSubjectWord + 1 < clause.Count && clause[lastSubjectWord + 1].FunctionWordBefore is { } verb && Copulas.Contains(verb)
                    && lastSubjectWord >= clause.Count - 1 - MaxWordsBeforeRelativeLack)
                {
                    return true;
                }
            }
            else if (lastSubjectWord >= clause.Count - 1 - MaxWordsBetween)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Where the clause of the word at <paramref name="at"/> ends (exclusive).</summary>
    private static int ClauseEnd(List<ContentWord> evidence, int at)
    {
        var end = at + 1;
        while (end < evidence.Count && !evidence[end].FollowsClauseMark)
        {
            end++;
        }
        return end;
    }

    private static int SharedStemLength(string a, string b)
    {
        var length = 0;
        while (length < a.Length && length < b.Length && a[length] == b[length])
        {
            length++;
        }
        return length;
    }

    /// <summary>
    /// The claim's subject words stand in the clause of the word at <paramref name="at"/>, the last of them at most
    /// <see cref="MaxWordsBetween"/> word before it: "the koala is a marsupial and not a bear", but not "Toshiba has
    /// produced a fuel cell with no moving parts", where the "no" belongs to the fuel cell.
    /// </summary>
    private static bool SubjectBefore(List<ContentWord> evidence, int at, List<string> subject)
    {
        var clause = evidence[ClauseStart(evidence, at)..at];
        return subject.All(k => clause.Any(w => w.Key == k))
            && clause.FindLastIndex(w => subject.Contains(w.Key)) >= clause.Count - 1 - MaxWordsBetween;
    }

    /// <summary>Where the clause of the word at <paramref name="at"/> begins: "Unlike cats, dogs are not …" denies nothing of cats.</summary>
    private static int ClauseStart(List<ContentWord> evidence, int at)
    {
        while (at > 0 && !evidence[at].FollowsClauseMark)
        {
            at--;
        }
        return at;
    }

    /// <summary>
    /// The "not" at <paramref name="at"/> is followed by the denied word, or by one plain word and then it ("no natural
    /// moons"); never by a number, a name or a limiter ("not only", "no more than 300").
    /// </summary>
    private static bool DeniesAt(List<ContentWord> evidence, int at, string deniedKey)
    {
        var next = evidence[at + 1];
        if (next.Key == deniedKey)
        {
            return true;
        }
        // "cannot fly, but they swim" denies nothing of swimming.
        return at + 2 < evidence.Count && evidence[at + 2].Key == deniedKey && !evidence[at + 2].FollowsClauseMark
            && !next.IsValue && !next.IsName && !next.IsNegation && !next.FollowsClauseMark && !Denial.Limiters.Contains(next.Key);
    }
}
