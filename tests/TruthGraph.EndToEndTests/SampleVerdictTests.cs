namespace TruthGraph.EndToEndTests;

/// <summary>
/// What a newcomer tries first, against the sample corpus the app loads on first start: the README's example, a
/// negated physics fact, and every sample claim with the verdict written beside it in claims.json.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SampleVerdictTests(AppFixture fixture, ITestOutputHelper output)
{
    [Fact]
    public async Task A_claim_that_negates_a_corpus_fact_is_refuted_by_that_sentence()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "Sound can travel through a vacuum." });

        Assert.Equal("REFUTED", result.GetProperty("verdict").GetString());
        Assert.Equal("nli-minilm-cross", result.GetProperty("models").GetProperty("nli").GetString());
        var deciding = Evidence(result).Single(e => e.GetProperty("externalId").GetString() == "physics-005");
        Assert.Equal("contradiction", deciding.GetProperty("label").GetString());
        // It has every content word of the claim (sound, travel, vacuum); each sentence says how much of the claim it has.
        Assert.Equal(1, deciding.GetProperty("claimCoverage").GetDouble());
        Assert.All(Evidence(result), e => Assert.InRange(e.GetProperty("claimCoverage").GetDouble(), 0, 1));

        // The answer explains itself: that sentence refutes and decides, every other one has a role, and the reason says so.
        Assert.Equal("refutes", deciding.GetProperty("role").GetString());
        Assert.True(deciding.GetProperty("deciding").GetBoolean());
        var explanation = result.GetProperty("explanation");
        Assert.Contains(deciding.GetProperty("id").GetInt64(), explanation.GetProperty("decidingEvidenceIds").EnumerateArray().Select(i => i.GetInt64()));
        Assert.StartsWith("Refuted by ", explanation.GetProperty("reason").GetString());
        Assert.All(Evidence(result), e => Assert.Contains(e.GetProperty("role").GetString(), new[] { "supports", "refutes", "neutral", "below-floor" }));
        Assert.All(Evidence(result).Where(e => e.GetProperty("deciding").GetBoolean()), e => Assert.Equal("refutes", e.GetProperty("role").GetString()));
    }

    /// <summary>
    /// The cases the wording checks exist for (Verification/Wording), against sentences of the sample corpus: the model
    /// reads "Sound does not travel in a vacuum." as a contradiction of the sentence that says so (0.98), and the other
    /// others as entailed by the sentence that differs by a name, a number, a negating prefix, an opposite word or the
    /// order of a comparison, that credits the claim's work to another maker, or that says "not" of the claim's word;
    /// "The American Civil War ended in 1865." as contradicted by "… was fought from 1861 to 1865." (0.93); and true
    /// claims that say "not" or "no … than" as contradicted by the sentence that says the same in other words.
    /// </summary>
    [Theory]
    [InlineData("Sound does not travel in a vacuum.", "SUPPORTED", "physics-005", "restates-claim", "entailment")]
    [InlineData("Toronto is the capital city of Canada.", "REFUTED", "geography-013", "swaps-name", "contradiction")]
    [InlineData("Pi is a rational number.", "REFUTED", "mathematics-002", "negates-word", "contradiction")]
    [InlineData("Volcanoes emit more carbon dioxide each year than human activities.", "REFUTED", "climate-021", "reverses-comparison", "contradiction")]
    [InlineData("Arctic sea ice extent in September has grown since satellite records began in 1979.", "REFUTED", "climate-009", "swaps-opposite",
        "contradiction")]
    [InlineData("Zero is an odd number.", "REFUTED", "mathematics-013", "swaps-opposite", "contradiction")]
    [InlineData("Sound travels faster than light.", "REFUTED", "physics-019", "reverses-comparison", "contradiction")]
    [InlineData("Abraham Lincoln was the first president of the United States.", "REFUTED", "history-026", "swaps-name", "contradiction")]
    [InlineData("Mozart was born in Vienna.", "REFUTED", "culture-004", "swaps-name", "contradiction")]
    [InlineData("World War II ended in 1939.", "REFUTED", "history-008", "swaps-number", "contradiction")]
    [InlineData("Shakespeare wrote Don Quixote.", "REFUTED", "culture-005", "credits-another-name", "contradiction")]
    [InlineData("Vincent van Gogh painted the Mona Lisa.", "REFUTED", "culture-002", "credits-another-name", "contradiction")]
    [InlineData("Blood in your veins is blue.", "REFUTED", "health-030", "denies-word", "contradiction")]
    [InlineData("Pi is approximately 3.14.", "SUPPORTED", "mathematics-001", "restates-claim", "entailment")]
    [InlineData("Peanuts are not true nuts.", "SUPPORTED", "food-011", "restates-claim", "entailment")]
    [InlineData("The American Civil War ended in 1865.", "SUPPORTED", "history-028", "matches-span", "entailment")]
    [InlineData("Bacteria have a nucleus.", "REFUTED", "biology-008", "denies-word", "contradiction")]
    [InlineData("Columbus reached the Caribbean in 1592.", "REFUTED", "history-003", "swaps-number", "contradiction")]
    [InlineData("Pi is not a rational number.", "SUPPORTED", "mathematics-002", "denies-replaced", "entailment")]
    [InlineData("Electric cars do not produce tailpipe emissions.", "SUPPORTED", "energy-013", "shares-negation", "entailment")]
    [InlineData("Antibiotics do not work against viruses.", "SUPPORTED", "health-012", "shares-negation", "entailment")]
    [InlineData("No planet is closer to the Sun than Mercury.", "SUPPORTED", "space-004", "restates-superlative", "entailment")]
    [InlineData("The capital of Australia is Sydney.", "REFUTED", "geography-012", "swaps-name", "contradiction")]
    [InlineData("The capital of Canada is not Toronto.", "SUPPORTED", "geography-013", "denies-replaced", "entailment")]
    [InlineData("sydney is the capital of australia", "REFUTED", "geography-012", "swaps-name", "contradiction")]
    [InlineData("Sunlight takes about eight hours to reach Earth.", "REFUTED", "physics-013", "swaps-unit", "contradiction")]
    [InlineData("Rio de Janeiro replaced Brasília as the capital of Brazil in 1960.", "REFUTED", "geography-014", "swaps-roles", "contradiction")]
    [InlineData("Napoleon won the Battle of Waterloo in 1815.", "REFUTED", "history-030", "swaps-opposite", "contradiction")]
    [InlineData("Photosynthesis converts oxygen into carbon dioxide.", "REFUTED", "biology-006", "reverses-direction", "contradiction")]
    [InlineData("An octopus has one heart.", "REFUTED", "biology-013", "swaps-number", "contradiction")]
    [InlineData("Elephants are pregnant for about 22 months.", "SUPPORTED", "biology-028", "matches-amount", "entailment")]
    [InlineData("Electric current is measured in volts.", "REFUTED", "physics-021", "swaps-unit", "contradiction")]
    public async Task A_sentence_whose_wording_settles_the_claim_overrules_the_model_and_says_so(
        string claim, string verdict, string externalId, string overruled, string label)
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim });

        Assert.Equal(verdict, result.GetProperty("verdict").GetString());
        var deciding = Evidence(result).Where(e => e.GetProperty("deciding").GetBoolean()).ToList();
        var overruling = Assert.Single(deciding, e => e.TryGetProperty("overruled", out var o) && o.GetString() == overruled);
        Assert.Equal(label, overruling.GetProperty("label").GetString());
        Assert.Equal(externalId, overruling.GetProperty("externalId").GetString());
        Assert.Contains("NLI model read it as", result.GetProperty("explanation").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_readme_example_is_not_supported_and_the_astronaut_sentence_contradicts_it()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "The Great Wall of China is visible from the Moon with the naked eye.", topK = 10 });

        output.WriteLine($"{result.GetProperty("verdict").GetString()} {result.GetProperty("confidence").GetDouble():0.00}");
        Assert.NotEqual("SUPPORTED", result.GetProperty("verdict").GetString());
        var astronaut = Evidence(result).Single(e => e.GetProperty("text").GetString()!.Contains("Yang Liwei", StringComparison.Ordinal));
        Assert.Equal("contradiction", astronaut.GetProperty("label").GetString());
    }

    /// <summary>
    /// "Most reference works list the Nile … as the longest river" supports the claim at similarity 0.90; the Brazilian
    /// expedition's Amazon, which "would make it longer than the Nile", contradicts it at 0.47. The dispute margin would set
    /// that far sentence aside, but the close one only reports what reference works say, so the claim stays DISPUTED.
    /// </summary>
    [Fact]
    public async Task Sources_that_disagree_keep_a_claim_disputed_though_one_is_less_similar()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "The Nile is the longest river in the world.", topK = 10 });

        Assert.Equal("DISPUTED", result.GetProperty("verdict").GetString());
        var deciding = Evidence(result).Where(e => e.GetProperty("deciding").GetBoolean()).Select(e => e.GetProperty("externalId").GetString()).ToList();
        Assert.Contains("geography-005", deciding);
        Assert.Contains("geography-006", deciding);
        Assert.Contains("source's account", result.GetProperty("explanation").GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_correction_the_claim_says_nothing_of_is_left_out_of_what_the_model_reads()
    {
        await fixture.WaitForSampleCorpusAsync();
        // "Peanuts are legumes, not true nuts.": read whole, the model took the "not" as a contradiction, and only the
        // restates-claim reading turned it round.
        var result = await VerifyAsync(new { claim = "Peanuts are legumes.", topK = 10 });

        Assert.Equal("SUPPORTED", result.GetProperty("verdict").GetString());
        var peanuts = Evidence(result).Single(e => e.GetProperty("externalId").GetString() == "food-011");
        Assert.True(peanuts.GetProperty("deciding").GetBoolean());
        Assert.Equal("entailment", peanuts.GetProperty("label").GetString());
        // The model's own reading, not a wording check, and the sentence is shown as written.
        Assert.True(!peanuts.TryGetProperty("overruled", out var overruled) || overruled.ValueKind == JsonValueKind.Null);
        Assert.Equal("Peanuts are legumes, not true nuts.", peanuts.GetProperty("text").GetString());
        Assert.EndsWith("The model read the deciding sentence without \"not true nuts\", which the claim says nothing of.",
            result.GetProperty("explanation").GetProperty("reason").GetString());
    }

    /// <summary>
    /// "The liver is the largest internal organ of the human body." reads as support (entailment 0.97), but the largest of
    /// the internal organs need not be the largest organ: the skin is, and its sentence refutes the claim.
    /// </summary>
    [Fact]
    public async Task A_superlative_for_a_narrower_group_does_not_support_the_claim()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "The liver is the largest organ of the human body.", topK = 10 });

        Assert.Equal("REFUTED", result.GetProperty("verdict").GetString());
        var liver = Evidence(result).Single(e => e.GetProperty("externalId").GetString() == "health-007");
        Assert.False(liver.GetProperty("deciding").GetBoolean());
        Assert.Equal("neutral", liver.GetProperty("role").GetString());
        Assert.Contains(Evidence(result), e => e.GetProperty("externalId").GetString() == "health-008" && e.GetProperty("deciding").GetBoolean());
        Assert.EndsWith("A sentence that gives the claim's superlative only for a narrower group does not support it.",
            result.GetProperty("explanation").GetProperty("reason").GetString());
    }

    /// <summary>"one third or more" is a share: it answers "about 5 percent", and refutes it.</summary>
    [Fact]
    public async Task A_share_written_in_words_answers_a_percentage()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "The Black Death killed about 5 percent of Europe's population.", topK = 10 });

        Assert.Equal("REFUTED", result.GetProperty("verdict").GetString());
        Assert.Contains(Evidence(result), e => e.GetProperty("externalId").GetString() == "history-019" && e.GetProperty("deciding").GetBoolean());
    }

    /// <summary>
    /// "The first iPhone had a 3.5-inch screen." against "Apple released the first iPhone in 2007." (the model: contradiction
    /// 0.38): a sentence with no measure of the claim's kind cannot say the screen size is wrong.
    /// </summary>
    [Fact]
    public async Task A_sentence_without_the_claims_kind_of_number_does_not_refute_it()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "The first iPhone had a 3.5-inch screen.", topK = 10 });

        Assert.Equal("NOT_ENOUGH_INFO", result.GetProperty("verdict").GetString());
        var iphone = Evidence(result).Single(e => e.GetProperty("externalId").GetString() == "technology-007");
        Assert.Equal("neutral", iphone.GetProperty("role").GetString());
        Assert.EndsWith("The claim gives a number, and that sentence none of its kind: it cannot refute it.",
            result.GetProperty("explanation").GetProperty("reason").GetString());
    }

    /// <summary>
    /// A regression guard, not the goal: the default model got 25 of the 38 right in `eval samples` when it was built (the
    /// fast head 18) and 22–23 here, where other tests of the collection share the corpus; the wording checks added four
    /// (29 in `eval samples`), the dispute margin waived for a cited source three more (32) and the rule for claims about the
    /// future one more (33), the rule for counts and measures, "no effect on" and a witness's account three more (36, the
    /// number issue 14 asks for). The wrong ones are printed so that a change shows which claims it
    /// fixed or broke.
    /// </summary>
    [Fact]
    public async Task The_sample_claims_get_their_expected_verdict_at_least_as_often_as_when_the_model_was_built()
    {
        await fixture.WaitForSampleCorpusAsync();
        var samples = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(TestData.RepositoryRoot, "TruthGraph.Api", "SampleData", "claims.json")))
            .RootElement.EnumerateArray()
            // claims.json writes "NOT ENOUGH INFO"; the API answers NOT_ENOUGH_INFO.
            .Select(e => (Claim: e.GetProperty("claim").GetString()!, Expected: e.GetProperty("expectedVerdict").GetString()!.Replace(' ', '_')))
            .ToList();
        using var api = fixture.CreateHttpClient("api");
        using var response = await api.PostAsJsonAsync("/api/verify/batch", new { claims = samples.Select(s => s.Claim), topK = 10 });
        response.EnsureSuccessStatusCode();
        var verdicts = (await response.Content.ReadFromJsonAsync<JsonElement>()).EnumerateArray().Select(r => r.GetProperty("verdict").GetString()).ToList();

        var wrong = samples.Zip(verdicts).Where(p => p.First.Expected != p.Second).ToList();
        foreach (var ((claim, expected), got) in wrong)
        {
            output.WriteLine($"expected {expected}, got {got}: {claim}");
        }
        Assert.Equal(38, samples.Count);
        Assert.True(samples.Count - wrong.Count >= 23, $"{samples.Count - wrong.Count} of {samples.Count} right");
    }

    [Fact]
    public async Task A_request_may_ask_for_the_fast_head_instead_of_the_cross_encoder()
    {
        await fixture.WaitForSampleCorpusAsync();
        var result = await VerifyAsync(new { claim = "Water boils at 100 degrees Celsius at sea level.", nliModel = "nli-minilm-head" });

        Assert.Equal("nli-minilm-head", result.GetProperty("models").GetProperty("nli").GetString());
        Assert.NotEmpty(Evidence(result));
    }

    /// <summary>
    /// With one INT8 activation scale per run, "The Berlin Wall came down in November 1989." against the sentence that
    /// settles it scored entailment 0.46 alone and 0.41–0.51 beside other short pairs (measured), on both sides of the
    /// contradiction it is weighed against: its verdict depended on the claims it was batched with. Per-token scales
    /// make a pair's answer its own. The tolerance leaves room for float sums taken in another order at another batch
    /// shape (under 1e-4 here) on other CPUs; the drift it guards against was 0.03 to 0.05 for this pair.
    /// </summary>
    [Fact]
    public async Task A_pair_gets_the_same_probabilities_alone_and_batched_with_other_pairs()
    {
        var pair = new { premise = "The Berlin Wall fell on 9 November 1989.", hypothesis = "The Berlin Wall came down in November 1989." };
        object[] others =
        [
            new { premise = "Sound cannot travel through a vacuum.", hypothesis = "Sound can travel through a vacuum." },
            new { premise = "Ottawa is the capital city of Canada.", hypothesis = "Toronto is the capital city of Canada." },
            new { premise = "Water boils at 100 degrees Celsius at sea level.", hypothesis = "Water boils at 50 degrees Celsius at sea level." },
            new { premise = "Sharks have skeletons made of cartilage.", hypothesis = "Sharks have skeletons made of bone." },
        ];
        using var inference = fixture.CreateHttpClient("inference");
        var alone = await ClassifyAsync(inference, [pair]);
        Assert.Equal(CrossEncoderName, alone.GetProperty("model").GetString());

        for (var partners = 1; partners <= others.Length; partners++)
        {
            var batched = await ClassifyAsync(inference, [.. others.Take(partners), pair]);
            foreach (var label in new[] { "entailment", "neutral", "contradiction" })
            {
                Assert.Equal(alone.GetProperty("data")[0].GetProperty(label).GetDouble(), batched.GetProperty("data")[partners].GetProperty(label).GetDouble(), 1e-3);
            }
        }
    }

    private const string CrossEncoderName = "nli-minilm-cross";

    private static async Task<JsonElement> ClassifyAsync(HttpClient inference, object[] pairs)
    {
        using var response = await inference.PostAsJsonAsync("/v1/nli", new { pairs });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> VerifyAsync(object body)
    {
        using var api = fixture.CreateHttpClient("api");
        using var response = await api.PostAsJsonAsync("/api/verify", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private static List<JsonElement> Evidence(JsonElement result) => result.GetProperty("evidence").EnumerateArray().ToList();
}
