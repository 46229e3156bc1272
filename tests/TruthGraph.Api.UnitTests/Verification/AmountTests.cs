using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class AmountTests
{
    [Theory]
    // The same amount in another unit of its kind: four months are about 120 days.
    [InlineData("Red blood cells in humans last around four months before being broken down.",
        "A human red blood cell circulates in the body for about 120 days before it is broken down.")]
    // The same amount rounded, where a side hedges it.
    [InlineData("About a third of the carbon dioxide emitted by humans has been absorbed by the oceans.",
        "Roughly one third of the carbon dioxide emitted by humans has been absorbed by the oceans.")]
    [InlineData("Table salt turns liquid at roughly 800 degrees Celsius.", "Sodium chloride, the compound sold as table salt, melts at about 801 degrees Celsius.")]
    [InlineData("Elephants are pregnant for about 22 months.", "Elephants have a gestation period of about 22 months, the longest of any land mammal.")]
    [InlineData("Absolute zero is minus 273.15 degrees Celsius.", "Absolute zero, the lowest possible temperature, is 0 kelvin, which equals minus 273.15 degrees Celsius.")]
    public void A_sentence_with_the_claims_one_amount_and_nothing_else_changed_matches_it(string claim, string evidence) =>
        Assert.Equal(WordingMatch.MatchesAmount, WordingCheck.Compare(claim, evidence));

    [Theory]
    // Another figure: an unhedged one must be the same, a converted one nearly so (3,746 km is not 2,236 miles).
    [InlineData("An adult human has 210 bones.", "An adult human has 206 bones.")]
    [InlineData("The Moon has a diameter of 3746 kilometres.", "Io is 2,236 miles in diameter, slightly larger than the Moon.")]
    // A bound is no figure.
    [InlineData("The literacy rate in Cuba is 90%.", "By 1979, the literacy rate in Cuba was higher than 90%, comparable to developed countries.")]
    // The claim's other number, a name, a negation, an "only", an opposite or a negating prefix may be the change.
    [InlineData("Pure water has a pH of 3 at 25 degrees Celsius.", "Pure water has a pH of 7 at 25 degrees Celsius, which is neutral.")]
    [InlineData("Lake Victoria lies about 3,810 metres above sea level.", "Lake Titicaca lies about 3,810 metres above sea level.")]
    [InlineData("Food Network is unavailable to 83.3% of households with television.", "Food Network is available to 83.3% of households with television.")]
    [InlineData("The New Jersey Turnpike only has 10 foot lanes.", "The Turnpike has 12 ft lanes, 10 ft shoulders and 13 rest areas.")]
    [InlineData("Global sea level fell by about 20 centimetres between 1900 and 2018.", "Global mean sea level rose by about 20 centimetres between 1900 and 2018.")]
    // The same figure of another dimension.
    [InlineData("Mount Everest is 8,849 metres deep.", "Mount Everest is 8,849 metres high.")]
    [InlineData("The Nile is about 6,650 kilometres wide.", "The Nile is about 6,650 kilometres long.")]
    // Ordinals, "one" and numbers in names are no amounts.
    [InlineData("Yugoslavia failed to exist during most of the 20th century.", "Yugoslavia was a country in Southeast Europe during most of the 20th century.")]
    [InlineData("The Hundred Years' War includes the Civil War.", "The Hundred Years' War was a series of conflicts waged from 1337 to 1453.")]
    // A capitalised first word counts as a name ("Runners"), which the sentence lacks: left to the model.
    [InlineData("Runners in a marathon cover 42.195 km.", "The official distance of a marathon race is 42.195 kilometres.")]
    public void Other_amounts_or_other_changes_match_nothing(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.MatchesAmount, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The sentence's one amount of the kind is another, far from the claim's, and nothing else differs.
    [InlineData("Sound travels at about 1,000 metres per second in air.", "Sound travels through dry air at about 343 metres per second at 20 degrees Celsius.")]
    [InlineData("The Romani people originated in Northern India 50,000 years ago.",
        "The Romani originated in Northern India and arrived in Mid-West Asia, and Europe soon thereafter, around 1,000 years ago.")]
    // A share in words is a percentage, and a least contradicts an amount below it.
    [InlineData("The Black Death killed about 5 percent of Europe's population.",
        "The Black Death killed an estimated one third or more of Europe's population between 1347 and 1351.")]
    [InlineData("About 10 percent of the world's population lives in cities.", "About half of the world's population lives in cities.")]
    [InlineData("Forests cover 90% of the country's land.", "Forests cover two thirds of the country's land.")]
    [InlineData("Walkers on the trail cover 100 kilometres a day.",
        "Walkers on the trail cover, over steep and rocky ground with heavy packs, 50 kilometres or less a day.")]
    public void A_sentence_whose_one_amount_of_the_kind_is_another_contradicts_the_claim(string claim, string evidence) =>
        Assert.Equal(WordingMatch.SwapsNumber, WordingCheck.Compare(claim, evidence));

    [Theory]
    // A rounding, a limit ("By 45,000 years ago"), two amounts of the kind, or a sentence about something else: no conflict.
    [InlineData("97% of climate experts agree humans are causing global warming.",
        "They found 4,014 which discussed the cause of recent global warming, and of these 97.1% endorsed the consensus position that humans are causing global warming.")]
    [InlineData("Humans existed 10,000 years ago.", "By 45,000 years ago, humans had spread throughout most of Africa, Europe and Asia.")]
    [InlineData("The speed of sound in air is about 1,000 metres per second.", "Sound moves at 343 metres per second in air and at 1,480 metres per second in water.")]
    [InlineData("Humans existed 10,000 years ago.", "Dogs are thought to have been domesticated by humans approximately 12,000 years ago.")]
    // A least or a most with the claim's amount on its right side, and a range's two ends.
    [InlineData("The Black Death killed about 40 percent of Europe's population.",
        "The Black Death killed an estimated one third or more of Europe's population between 1347 and 1351.")]
    [InlineData("Walkers on the trail cover 30 kilometres a day.",
        "Walkers on the trail cover, over steep and rocky ground with heavy packs, 50 kilometres or less a day.")]
    [InlineData("The oceans have absorbed about 30 percent of the carbon dioxide emitted by human activities.",
        "The oceans have absorbed roughly a quarter to a third of the carbon dioxide emitted by human activities.")]
    // "a third" that is no share, and "half" of a span.
    [InlineData("About 40 percent of the planets are rocky.", "Earth is a third planet from the Sun in a system of rocky planets.")]
    [InlineData("About 10 percent of the century's warming happened after 1950.", "Most of the century's warming happened in the second half of the century.")]
    public void Other_amounts_do_not_contradict_the_claim(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.SwapsNumber, WordingCheck.Compare(claim, evidence));
}
