using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class InitialismTests
{
    [Theory]
    [InlineData("The WTO was established in 1995.", "The World Trade Organization was established in 1995, replacing the GATT.",
        "The World Trade Organization was established in 1995.")]
    // Small words inside the name are skipped.
    [InlineData("The IPCC was established in 1988.", "The Intergovernmental Panel on Climate Change was established in 1988.",
        "The Intergovernmental Panel on Climate Change was established in 1988.")]
    // The name may follow another capitalised word of the sentence, and a possessive stays one.
    [InlineData("The ISS's orbit takes about 90 minutes.", "Since 2000 the International Space Station has circled the Earth.",
        "The International Space Station's orbit takes about 90 minutes.")]
    // Counted where the initials include a small word.
    [InlineData("The DOE funds the laboratory.", "The Department of Energy funds the laboratory.", "The Department of Energy funds the laboratory.")]
    public void Initials_the_sentence_spells_out_are_read_as_its_name(string claim, string sentence, string expected) =>
        Assert.Equal(expected, Initialism.SpellOut(claim, sentence));

    [Theory]
    // The sentence uses the initials itself: nothing to spell out.
    [InlineData("The WTO was established in 1995.", "The WTO, the World Trade Organization, was established in 1995.")]
    // No name of the sentence has those initials.
    [InlineData("The WTO was established in 1995.", "The United Nations was founded in 1945.")]
    // An era beside a number is no name, whatever the sentence is about.
    [InlineData("Hannibal crossed the Alps in 218 BC.", "British Columbia is a province of Canada.")]
    [InlineData("Vesuvius erupted in AD 79.", "Anno Domini dating was devised by Dionysius Exiguus.")]
    // Letters in the wrong order, or a name that ends on a small word, do not match.
    [InlineData("The OTW was established in 1995.", "The World Trade Organization was established in 1995.")]
    [InlineData("The BO was founded in 1694.", "The Bank of England was founded in 1694.")]
    // The claim gives the name itself.
    [InlineData("Freedom of Information (FOI) requests were ignored.", "Freedom of Information requests were ignored by the university.")]
    public void Other_claims_are_left_as_typed(string claim, string sentence) =>
        Assert.Equal(claim, Initialism.SpellOut(claim, sentence));

    [Fact]
    public void The_spelt_out_claim_lets_the_wording_checks_see_a_restatement()
    {
        var sentence = "The World Trade Organization was established in 1995, replacing the General Agreement on Tariffs and Trade.";
        Assert.Equal(WordingMatch.None, WordingCheck.Compare("The WTO was established in 1995.", sentence));
        Assert.Equal(WordingMatch.RestatesClaim, WordingCheck.Compare(Initialism.SpellOut("The WTO was established in 1995.", sentence), sentence));
    }

    [Fact]
    public void A_sentence_that_does_not_give_the_name_leaves_it_to_the_corpus()
    {
        var corpus = new Dictionary<string, string> { ["IPCC"] = "Intergovernmental Panel on Climate Change" };
        Assert.Equal("The Intergovernmental Panel on Climate Change was founded in 2001.",
            Initialism.SpellOut("The IPCC was founded in 2001.", "Wikipedia was launched in January 2001.", corpus.GetValueOrDefault));
        // The sentence's own name comes first, and a sentence that uses the initials is read with them.
        Assert.Equal("The IPCC was founded in 2001.",
            Initialism.SpellOut("The IPCC was founded in 2001.", "The IPCC was founded in 1988.", corpus.GetValueOrDefault));
    }

    [Fact]
    public void The_names_of_a_sentence_are_keyed_by_their_initials()
    {
        var names = Initialism.NamesIn("The Intergovernmental Panel on Climate Change was set up by the United Nations Environment Programme.").ToList();
        Assert.Contains(("IPCC", "Intergovernmental Panel on Climate Change"), names);
        Assert.Contains(("UN", "United Nations"), names);
        Assert.Contains(("UNEP", "United Nations Environment Programme"), names);
        // A word in capitals ends a name: it is initials of its own.
        Assert.DoesNotContain(Initialism.NamesIn("NOAA Space Weather Scales Page Has Changed."), n => n.Initials == "NSW");
        // A single capitalised word is no name to abbreviate, and a name never starts on a small word.
        Assert.DoesNotContain(names, n => n.Name.Split(' ').Length < 2 || n.Name.StartsWith("on ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("The IPCC was founded in 2001.", "The Intergovernmental Panel on Climate Change was founded in 2001.")]
    [InlineData("The WHO's report came out in 2019.", "The World Health Organization's report came out in 2019.")]
    // Initials the corpus never spells out, an era beside a number, and a claim typed in capitals stay as typed.
    [InlineData("The ECB raised rates.", "The ECB raised rates.")]
    [InlineData("Rome was sacked in AD 410.", "Rome was sacked in AD 410.")]
    [InlineData("THE IPCC WAS FOUNDED IN 2001.", "THE IPCC WAS FOUNDED IN 2001.")]
    public void A_claim_is_embedded_with_the_names_the_corpus_writes(string claim, string expected)
    {
        var corpus = new Dictionary<string, string>
        {
            ["IPCC"] = "Intergovernmental Panel on Climate Change", ["WHO"] = "World Health Organization", ["AD"] = "Anno Domini",
        };
        Assert.Equal(expected, Initialism.Expand(claim, corpus.GetValueOrDefault));
    }

    [Fact]
    public void The_initials_of_a_claim_are_those_it_types_as_a_name()
    {
        Assert.Equal(["IPCC", "UN"], Initialism.In("The IPCC and the UN's agencies met in 218 BC."));
        Assert.Empty(Initialism.In("WATER BOILS AT 100 DEGREES."));
        Assert.Empty(Initialism.In("World War II ended in 1945, in the reign of George VI."));
    }
}
