using TruthGraph.Api.Inference;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class WordingCheckTests
{
    [Theory]
    [InlineData("Diamonds do not dissolve in water.", "Diamonds do not dissolve in water or in common acids.")]
    [InlineData("Sound does not travel in a vacuum.", "Sound cannot travel through a vacuum because it needs a medium such as air.")]
    [InlineData("A spider is not an insect.", "Spiders are not insects: they have eight legs, while insects have six.")]
    [InlineData("Snakes do not have eyelids.", "Snakes have no eyelids; a clear scale covers each eye instead.")]
    [InlineData("Humans are unable to digest cellulose.", "Humans cannot digest cellulose, because the human gut makes no enzyme that breaks it down.")]
    [InlineData("Einstein published special relativity in 1905.", "Albert Einstein published special relativity in 1905.")]
    [InlineData("Mount Everest is 8,849 metres high.", "Mount Everest is 8849 metres high, the tallest mountain above sea level.")]
    // A contrast that denies something else is no negation of the claim.
    [InlineData("Peanuts are legumes.", "Peanuts are legumes, not true nuts.")]
    // Nor is a "not" in a later clause, about something else.
    [InlineData("The ostrich is the largest living bird.", "The ostrich is the largest living bird, but it cannot fly.")]
    // A figure the claim hedges may be the sentence's rounded.
    [InlineData("The Earth is roughly 4.5 billion years old.", "The Earth is about 4.54 billion years old.")]
    [InlineData("An adult human has about 210 bones.", "An adult human has 206 bones.")]
    // A place or a time added after "in", "on" or "at" is no word between.
    [InlineData("Julius Caesar was assassinated in 44 BC.", "Julius Caesar was assassinated in Rome on 15 March 44 BC.")]
    [InlineData("Gotham premiered on Fox in 2014.", "Gotham premiered on Fox on September 22, 2014.")]
    public void A_near_copy_with_the_same_negation_restates_the_claim(string claim, string evidence) =>
        Assert.Equal(WordingMatch.RestatesClaim, WordingCheck.Compare(claim, evidence));

    [Theory]
    // A "not" on one side only: that is a contradiction, and the model's to read.
    [InlineData("Sound can travel through a vacuum.", "Sound cannot travel through a vacuum.")]
    [InlineData("Sound cannot travel through a vacuum.", "Sound can travel through a vacuum.")]
    // The negated word must follow the "not" at once.
    [InlineData("Penguins cannot swim.", "Penguins cannot fly, but they swim well.")]
    // Too many words in between: "rather than" turns the sentence round.
    [InlineData("Sharks have skeletons made of bone.", "Sharks have skeletons made of cartilage rather than bone.")]
    // The same words in another order say something else (a "from … to …" the other way round is DirectionTests', two
    // names exchanged RolesTests').
    [InlineData("Germany invaded France in 1940.", "In 1940 France was invaded by Germany.")]
    // A sentence that reports, doubts or denies what it contains is the model's to read.
    [InlineData("The Great Wall of China is visible from space.", "It is a myth that the Great Wall of China is visible from space.")]
    [InlineData("The human body contains about 100 trillion cells.",
        "Many textbooks and popular sources have long stated that the human body contains about 100 trillion cells.")]
    [InlineData("Sound can travel through a vacuum.", "If sound could travel through a vacuum, we would hear the Sun.")]
    [InlineData("The human body contains 37 trillion cells.", "Many textbooks have long stated that the human body contains 100 trillion cells.")]
    // Cases from FEVER, RTE and SNLI where words in order said something else (models/README.md, "Wording checks"):
    // the claim's first word does not open a clause of the sentence,
    [InlineData("Qatar is located in Shahaniya.", "The main race track in Qatar is located in Shahaniya, on the Dukhan Road.")]
    [InlineData("Microsoft was established in 1991.", "The Irish Sales, Services and Marketing Operation of Microsoft was established in 1991.")]
    // a word in between qualifies the claim's words,
    [InlineData("Libya is the largest country in Africa.", "With an area of almost 1.8 million km2, Libya is the fourth largest country in Africa.")]
    // a short claim takes no word in between at all,
    [InlineData("Saturn is a moon.", "Titan, Saturn's largest moon, is larger than the planet Mercury.")]
    // and a stem that is a function word is not one: "Andes" is not "and".
    [InlineData("Mount Hood is in the Andes.", "Mount Hood is a potentially active stratovolcano in the Cascade Volcanic Arc of northern Oregon.")]
    public void Other_sentences_settle_nothing_by_their_wording(string claim, string evidence) =>
        Assert.Equal(WordingMatch.None, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Toronto is the capital city of Canada.", "Ottawa is the capital of Canada.")]
    [InlineData("Queen Elizabeth reigned over the United Kingdom from 1837 until 1901.",
        "Queen Victoria reigned over the United Kingdom from 1837 until her death in 1901.")]
    [InlineData("Raphael painted the ceiling of the Sistine Chapel between 1508 and 1512.",
        "Michelangelo painted the ceiling of the Sistine Chapel between 1508 and 1512.")]
    [InlineData("Louis Pasteur discovered penicillin in 1928.", "Alexander Fleming discovered penicillin in 1928.")]
    // "States" in a name, or "state" as a noun, is not the reporting word "state".
    [InlineData("Sydney is the capital of the state of Victoria.", "Melbourne is the capital of the state of Victoria.")]
    [InlineData("Abraham Lincoln was the first president of the United States.", "George Washington was the first president of the United States.")]
    // A name with a lower-case particle, and a name followed by a date the claim does not have.
    [InlineData("Michelangelo painted the Mona Lisa.", "Leonardo da Vinci painted the Mona Lisa, which hangs in the Louvre in Paris.")]
    [InlineData("Mozart was born in Vienna.", "Wolfgang Amadeus Mozart was born in Salzburg in 1756.")]
    // At the claim's end, a clause after the other name is context.
    [InlineData("The Eiffel Tower is in Berlin.", "The Eiffel Tower is in Paris, on the Champ de Mars.")]
    public void The_claim_with_another_name_in_place_of_its_own_swaps_the_name(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsName, WordingCheck.Compare(claim, evidence));

    [Theory]
    // A shared surname after the changed word: the same person.
    [InlineData("John Deighton worked a Californian gold claim.", "Next, Deighton worked a gold claim in California, along with many others.")]
    // A changed common word is not a name (and "cut off" for "joined" is two words for one: no listed opposite).
    [InlineData("Tasmania is joined to the Australian mainland by the Bass Strait.",
        "Tasmania is cut off from the Australian mainland by the Bass Strait.")]
    // Two names changed at different places: not a near-copy.
    [InlineData("Paris is the capital of Germany.", "Berlin is the capital of France.")]
    // A sentence with "she" may be about the claim's subject: "As Prime Minister, she implemented policies".
    [InlineData("Sayyeshaa starred in Akhil.", "After starring in the Telugu film Akhil, she made her Bollywood debut.")]
    // An abbreviation, or the same name spelt another way.
    [InlineData("Two and a Half Men is a US television sitcom.", "Two and a Half Men is an American television sitcom.")]
    [InlineData("A car bomb exploded outside a military base near Beiji.", "A car bomb exploded outside a military base near Baji.")]
    // A "not" that only one side has is a change of its own.
    [InlineData("Tuvalu sea level is not rising.", "Mean sea level is rising.")]
    // Too little left in common to call it the same sentence.
    [InlineData("Ottawa won.", "Toronto won.")]
    // A capital that only opens the sentence, followed by other words, is no name in the claim's place.
    [InlineData("Baadshah was dubbed into Japanese.", "Later, this film was dubbed into Malayalam, Japanese and Korean.")]
    // A date after the other name that the claim has elsewhere: the words are out of order, not swapped.
    // An initial's full stop ends no name, and an accent makes no other name.
    [InlineData("Loretta Sanchez was born on Monday January 7, 1960.", "Loretta L. Sánchez (born January 7, 1960) is an American politician.")]
    [InlineData("Aleister Crowley was born on Tuesday, October 12, 1875.", "Aleister Crowley (born Edward Alexander Crowley; 12 October 1875) was an English occultist.")]
    public void Names_that_differ_in_other_ways_are_no_swap(string claim, string evidence) =>
        Assert.Equal(WordingMatch.None, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Water boils at 50 degrees Celsius at sea level.", "Water boils at 100 degrees Celsius at sea level.")]
    [InlineData("World War II ended in 1939.", "World War II ended in 1945.")]
    [InlineData("Apollo 11 landed on the Moon in June 1969.", "Apollo 11 landed on the Moon in July 1969.")]
    [InlineData("The human brain contains roughly 86 million neurons.", "The human brain contains roughly 86 billion neurons.")]
    // At the claim's end, the sentence may go on after its value.
    [InlineData("Columbus reached the Caribbean in 1592.", "Christopher Columbus reached the Caribbean in 1492 on a voyage sponsored by the Spanish Crown.")]
    // "octopus" and "octopuses" are one word: a plural in -uses keeps its "us".
    [InlineData("An octopus has one heart.", "Octopuses have three hearts and blue, copper-based blood.")]
    public void The_claim_with_another_number_or_date_in_its_place_swaps_the_number(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsNumber, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same figure rounded.
    [InlineData("Mount Everest is 8,849 metres high.", "Mount Everest is 8,848.86 metres high.")]
    [InlineData("Pi is approximately 3.14.", "Pi is approximately 3.14159.")]
    // A qualified figure may agree: 1939 is before 1945, and 250 is more than 200.
    [InlineData("The war ended in 1939.", "The war ended before 1945.")]
    [InlineData("The club has 250 members.", "The club has more than 200 members.")]
    // Two figures for one: a range, not a swap.
    [InlineData("The war ended in 1916.", "The war lasted from 1914 to 1918.")]
    // A count with a thousands comma is no year, and rounds like any count; a decade is not its first year.
    [InlineData("About 1,500 people died in the sinking.", "About 1,517 people died in the sinking.")]
    [InlineData("The band was formed in the 1960s.", "The band was formed in 1960.")]
    // A decade against a date in it; and the claim's own year further on in the sentence.
    [InlineData("Ian Brennan was born in the 1970s.", "Ian Brennan (born April 23, 1978) is a television writer.")]
    [InlineData("The comet was seen in 1592.", "The comet was seen in 1492 and again in 1592.")]
    public void Figures_that_agree_or_are_qualified_are_no_swapped_number(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsNumber, WordingCheck.Compare(claim, evidence));

    [Theory]
    // An unhedged figure is the claim's exactly or not at all: a near miss is left to the model.
    [InlineData("An adult human has 210 bones.", "An adult human has 206 bones.")]
    [InlineData("The Earth is 4.5 billion years old.", "The Earth is about 4.54 billion years old.")]
    public void A_figure_the_claim_does_not_hedge_restates_it_only_exactly(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.RestatesClaim, WordingCheck.Compare(claim, evidence));

    [Fact]
    public void A_name_run_straight_into_the_claims_place_narrows_it_and_is_no_restatement() =>
        Assert.NotEqual(WordingMatch.RestatesClaim, WordingCheck.Compare("The Osaka World Trade Center is the tallest building in Japan.",
            "The Osaka World Trade Center is the tallest building in Western Japan."));

    [Theory]
    [InlineData("Pi is a rational number.", "Pi is an irrational number, so its decimal expansion never ends or repeats.")]
    [InlineData("Perpetual motion machines are possible.", "Perpetual motion machines are impossible.")]
    [InlineData("The Great Wall of China is invisible from the Moon.", "The Great Wall of China is visible from the Moon.")]
    public void The_claim_with_one_word_negated_by_its_prefix_negates_the_word(string claim, string evidence) =>
        Assert.Equal(WordingMatch.NegatesWord, WordingCheck.Compare(claim, evidence));

    [Theory]
    // A prefix that makes another word, not a negation: "inform" is not "not form".
    [InlineData("The report will form the basis of the law.", "The report will inform the basis of the law.")]
    // Two words changed.
    [InlineData("Pi is a rational number.", "Tau is an irrational number.")]
    public void Words_that_only_look_negated_are_not(string claim, string evidence) =>
        Assert.Equal(WordingMatch.None, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("Arctic sea ice extent in September has grown since satellite records began in 1979.",
        "Arctic sea ice extent in September has declined markedly since satellite records began in 1979.")]
    [InlineData("Mongolia is the most densely populated sovereign country in the world.",
        "Mongolia is the most sparsely populated sovereign country in the world.")]
    [InlineData("Aarhus lies on the west coast of Jutland.", "Aarhus lies on the east coast of Jutland, in the centre of Denmark.")]
    [InlineData("In emperor penguins the female keeps the egg warm through the winter.",
        "In emperor penguins the male keeps the egg warm through the winter.")]
    [InlineData("The Pacific is the smallest ocean on Earth.", "The Pacific is the largest ocean on Earth.")]
    [InlineData("Zero is an odd number.", "Zero is an even number, because it is divisible by 2 with no remainder.")]
    [InlineData("Opposite magnetic poles repel each other.", "Every magnet has a north and a south pole, and opposite poles attract each other.")]
    // A passive read as the verb it means: "was defeated" is "lost".
    [InlineData("Napoleon won the Battle of Waterloo in 1815.", "Napoleon Bonaparte was defeated at the Battle of Waterloo in 1815.")]
    [InlineData("Napoleon was defeated at the Battle of Waterloo.", "Napoleon won the Battle of Waterloo.")]
    [InlineData("Watson and Crick proposed a triple-helix structure for DNA.",
        "James Watson and Francis Crick proposed the double-helix structure of DNA in 1953, drawing on X-ray data from Rosalind Franklin.")]
    // At the claim's end, what follows the opposite is context.
    [InlineData("Earth's inner core is liquid.", "Earth's inner core is a solid ball made mostly of iron and nickel.")]
    public void The_claim_with_one_word_replaced_by_its_opposite_swaps_the_opposite(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsOpposite, WordingCheck.Compare(claim, evidence));

    [Theory]
    // An opposite with a "not" on one side agrees: "not increased" is no claim that it decreased, and the model's to read.
    [InlineData("Arctic sea ice has not grown since 1979.", "Arctic sea ice has declined since 1979.")]
    // Another word changed as well as the opposite.
    [InlineData("The Pacific is the largest ocean on Earth.", "The Atlantic is the smallest ocean on Earth.")]
    // Words that are not listed opposites, however different.
    [InlineData("The Pacific is the largest ocean on Earth.", "The Pacific is the deepest ocean on Earth.")]
    // The same word on both sides.
    [InlineData("Global temperatures have risen since 1900.", "Global temperatures have risen sharply since 1900.")]
    // An active "defeated" is winning, not losing.
    [InlineData("Wellington won the Battle of Waterloo in 1815.", "Wellington defeated Napoleon at the Battle of Waterloo in 1815.")]
    public void Other_changed_words_are_no_opposites(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsOpposite, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Plain forms oppose each other and the other side's comparatives and superlatives.
    [InlineData("The cheetah is the slowest land animal.", "The cheetah is the fastest land animal and can sprint at about 110 kilometres per hour.")]
    [InlineData("Insulin raises the level of sugar in the blood.", "Insulin is a hormone made by the pancreas that lowers the level of sugar in the blood.")]
    // No near-copy, but the opposite stands before the same word ("highest land", "lowest land").
    [InlineData("The shore of the Dead Sea is the highest land on Earth.",
        "The shore of the Dead Sea, about 430 metres below sea level, is the lowest land on Earth.")]
    [InlineData("DNA has a triple-helix structure.", "DNA carries genetic information in a double helix of two complementary strands.")]
    public void An_opposite_before_the_same_word_swaps_the_opposite(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsOpposite, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Comparisons turned round say the same with the opposite word.
    [InlineData("Volcanoes release less carbon dioxide each year than human activities.", "Human activities release more carbon dioxide each year than volcanoes.")]
    // A noun with a preposition modifies nothing: "a drop in volcanic activity".
    [InlineData("A drop in volcanic activity caused warming.",
        "The slower pace of warming can be attributed to natural fluctuations, reduced solar activity, and increased volcanic activity.")]
    // The sentence speaks of something else (another name).
    [InlineData("Neptune is the farthest planet from the Sun.", "Mercury is the closest planet to the Sun.")]
    // The sentence has the claim's own word as well.
    [InlineData("Earth's inner core is solid.", "Earth's outer core is liquid, while its inner core is solid.")]
    public void Other_opposites_in_a_sentence_are_no_swap(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsOpposite, WordingCheck.Compare(claim, evidence));

    [Theory]
    // "not" before an opposite, or before the verb whose adverb is one.
    [InlineData("The cheetah is not a slow animal.", "The cheetah is the fastest land animal and can sprint at about 110 kilometres per hour.")]
    [InlineData("Sloths do not move quickly.", "Sloths move so slowly that algae grow in their fur.")]
    public void A_claim_that_denies_the_opposite_of_the_sentence_word_agrees(string claim, string evidence) =>
        Assert.Equal(WordingMatch.DeniesReplaced, WordingCheck.Compare(claim, evidence));

    [Fact]
    public void Not_until_a_year_says_when_and_is_read_as_that_date()
    {
        const string sentence = "Albert Einstein published the special theory of relativity in 1905.";
        Assert.Equal(WordingMatch.SwapsNumber, WordingCheck.Compare("Einstein did not publish special relativity until 1915.", sentence));
        Assert.Equal(WordingMatch.RestatesClaim, WordingCheck.Compare("Einstein did not publish special relativity until 1905.", sentence));
    }

    [Theory]
    [InlineData("Volcanoes emit more carbon dioxide each year than human activities.",
        "Human activities emit far more carbon dioxide each year than volcanoes do.")]
    [InlineData("Saturn has more moons than Jupiter.", "Jupiter has more moons than Saturn.")]
    [InlineData("Humans release less carbon dioxide than volcanoes.", "Volcanoes release less carbon dioxide than humans.")]
    [InlineData("The Pacific Ocean is smaller than the Atlantic Ocean.", "The Atlantic Ocean is smaller than the Pacific Ocean.")]
    // The sentence may go on after the comparison with a clause of its own.
    [InlineData("Sound travels faster than light.", "Light travels much faster than sound, which is why lightning is seen before its thunder is heard.")]
    public void The_same_comparison_the_other_way_round_reverses_it(string claim, string evidence) =>
        Assert.Equal(WordingMatch.ReversesComparison, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same comparison with the other comparative: they agree.
    [InlineData("The Atlantic Ocean is smaller than the Pacific Ocean.", "The Pacific Ocean is larger than the Atlantic Ocean.")]
    // The same order: a restatement, not a reversal.
    [InlineData("Jupiter is larger than Earth.", "Jupiter is much larger than Earth.")]
    // Another thing compared.
    [InlineData("Saturn has more moons than Jupiter.", "Jupiter has more moons than Mars.")]
    // The claim's first thing is only the start of what the sentence compares with: Titan is not Saturn.
    [InlineData("Saturn is larger than Jupiter.", "Jupiter is larger than Saturn's moon Titan.")]
    public void Comparisons_in_the_same_direction_or_of_other_things_are_not_reversed(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.ReversesComparison, WordingCheck.Compare(claim, evidence));

    [Theory]
    [InlineData("The Atlantic Ocean is smaller than the Pacific Ocean.", "The Pacific Ocean is larger than the Atlantic Ocean.")]
    [InlineData("Ice is less dense than liquid water.", "Liquid water is more dense than ice.")]
    [InlineData("Volcanoes emit less carbon dioxide than human activities.", "Human activities emit far more carbon dioxide than volcanoes do.")]
    public void The_opposite_comparison_the_other_way_round_restates_it(string claim, string evidence) =>
        Assert.Equal(WordingMatch.RestatesComparison, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The opposite comparative in the same order contradicts.
    [InlineData("Saturn has fewer moons than Jupiter.", "Saturn has more moons than Jupiter.")]
    // Turned round, but the verb changed too: two words differ.
    [InlineData("Volcanoes release less carbon dioxide than human activities.", "Human activities emit far more carbon dioxide than volcanoes do.")]
    // Turned round with another thing compared.
    [InlineData("Mars is smaller than Earth.", "Earth is larger than Venus.")]
    public void Other_comparisons_are_no_restatement(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.RestatesComparison, WordingCheck.Compare(claim, evidence));

    [Fact]
    public void A_restatement_overrules_a_contradiction_by_swapping_the_two_probabilities()
    {
        var read = new NliScore(0, "contradiction", 0.01, 0.02, 0.97);

        Assert.True(WordingOverrule.Overrules(WordingMatch.RestatesClaim, read));
        Assert.Equal(new NliScore(0, "entailment", 0.97, 0.02, 0.01), WordingOverrule.Reversed(read));
    }

    [Fact]
    public void A_reading_that_already_agrees_with_the_wording_stands()
    {
        Assert.False(WordingOverrule.Overrules(WordingMatch.RestatesClaim, new NliScore(0, "entailment", 0.9, 0.05, 0.05)));
        Assert.False(WordingOverrule.Overrules(WordingMatch.SwapsName, new NliScore(0, "contradiction", 0.1, 0.1, 0.8)));
        Assert.False(WordingOverrule.Overrules(WordingMatch.None, new NliScore(0, "contradiction", 0.1, 0.1, 0.8)));
    }

    [Fact]
    public void A_swapped_name_read_as_support_counts_as_a_contradiction_and_the_reason_says_why()
    {
        var read = new NliScore(0, "entailment", 0.95, 0.03, 0.02);
        Assert.True(WordingOverrule.Overrules(WordingMatch.SwapsName, read));
        var reversed = WordingOverrule.Reversed(read);
        var decision = VerdictAggregator.Decide(
            [new PairScores(reversed.Entailment, reversed.Neutral, reversed.Contradiction, 0.9)], new VerdictThresholds(0.5, 0.5, 0.45));

        Assert.Equal(Verdict.Refuted, decision.Verdict);
        Assert.Contains("another name", WordingOverrule.Note(decision, [true], [WordingMatch.SwapsName]));
        Assert.Contains("the other way round", WordingOverrule.Note(decision, [true], [WordingMatch.ReversesComparison]));
        Assert.Contains("its opposite", WordingOverrule.Note(decision, [true], [WordingMatch.SwapsOpposite]));
        Assert.Contains("to another name", WordingOverrule.Note(decision, [true], [WordingMatch.CreditsAnotherName]));
        Assert.Contains("of one of the claim's own words", WordingOverrule.Note(decision, [true], [WordingMatch.DeniesWord]));
        Assert.True(WordingOverrule.Overrules(WordingMatch.NegatesWord, read));
        Assert.True(WordingOverrule.Overrules(WordingMatch.SwapsOpposite, read));
        Assert.Contains("another number or date", WordingOverrule.Note(decision, [true], [WordingMatch.SwapsNumber]));
        Assert.Equal("", WordingOverrule.Note(decision, [false], [WordingMatch.SwapsName]));
    }

    [Fact]
    public void A_near_copy_the_model_read_as_neutral_goes_the_way_its_words_say_and_the_reason_says_neutral()
    {
        var read = new NliScore(0, "neutral", 0.17, 0.54, 0.29);
        Assert.True(WordingOverrule.Overrules(WordingMatch.SwapsNumber, read));
        Assert.True(WordingOverrule.Overrules(WordingMatch.RestatesClaim, read));

        var applied = WordingOverrule.Applied(WordingMatch.SwapsNumber, read);
        Assert.Equal(new NliScore(0, "contradiction", 0.17, 0.29, 0.54), applied);
        Assert.Equal(new NliScore(0, "entailment", 0.54, 0.17, 0.29), WordingOverrule.Applied(WordingMatch.RestatesClaim, read));
        var decision = VerdictAggregator.Decide(
            [new PairScores(applied.Entailment, applied.Neutral, applied.Contradiction, 0.92)], new VerdictThresholds(0.5, 0.5, 0.45));

        Assert.Equal(Verdict.Refuted, decision.Verdict);
        Assert.EndsWith("although the NLI model read it as neutral.", WordingOverrule.Note(decision, [true], [WordingMatch.SwapsNumber], [read]));
        // A reading the other way round is reversed as before, and said so.
        Assert.Equal(WordingOverrule.Reversed(new NliScore(0, "entailment", 0.9, 0.05, 0.05)),
            WordingOverrule.Applied(WordingMatch.SwapsNumber, new NliScore(0, "entailment", 0.9, 0.05, 0.05)));
        Assert.EndsWith("although the NLI model read it as support.",
            WordingOverrule.Note(decision, [true], [WordingMatch.SwapsNumber], [new NliScore(0, "entailment", 0.9, 0.05, 0.05)]));
    }
}
