using TruthGraph.Api.Verification.Wording;

namespace TruthGraph.Api.UnitTests.Verification;

public sealed class CreditTests
{
    [Theory]
    // "published" for "wrote", with the maker first, and words the claim lacks ("the first part of", "in 1605").
    [InlineData("Shakespeare wrote Don Quixote.", "Miguel de Cervantes published the first part of Don Quixote in 1605.")]
    [InlineData("Gregor Mendel wrote On the Origin of Species.", "Charles Darwin published On the Origin of Species in 1859.")]
    // The sentence's maker after "by", the claim's before the verb.
    // A maker whose name has a particle ("van").
    [InlineData("Vincent van Gogh painted the Mona Lisa.", "Leonardo da Vinci painted the Mona Lisa, which hangs in the Louvre in Paris.")]
    [InlineData("Thomas Edison invented the telephone.", "The telephone was invented by Alexander Graham Bell in 1876.")]
    // A first name in common is no same maker.
    [InlineData("Alexander Graham Bell discovered penicillin.", "Penicillin was discovered by Alexander Fleming in 1928.")]
    [InlineData("Marnie was directed by Steven Spielberg.", "Marnie is a 1964 American psychological thriller film directed by Alfred Hitchcock.")]
    [InlineData("Bill Gates founded Apple.", "Apple was founded in 1976 by Steve Jobs, Steve Wozniak and Ronald Wayne.")]
    [InlineData("Steve Jobs founded Microsoft.", "Microsoft was founded by Bill Gates and Paul Allen in 1975.")]
    [InlineData("Syco was established by Paula Abdul.", "Syco is a British entertainment company founded by Simon Cowell.")]
    public void A_sentence_that_credits_the_claims_deed_to_another_maker_credits_another_name(string claim, string evidence) =>
        Assert.Equal(WordingMatch.CreditsAnotherName, WordingCheck.Compare(claim, evidence));

    [Theory]
    // The same maker, by surname.
    [InlineData("Darwin wrote On the Origin of Species.", "Charles Darwin published On the Origin of Species in 1859.")]
    // The same surname spelt another way.
    [InlineData("Homer Hickman has written memoirs.", "Hickam has also written a number of best-selling memoirs and novels.")]
    // A co-founder the sentence names too.
    [InlineData("Paul Allen founded Microsoft.", "Microsoft was founded by Bill Gates and Paul Allen in 1975.")]
    // Another role: the writer of the novel is not the director of the film.
    [InlineData("Stanley Kubrick directed The Shining.", "The Shining is a horror novel written by Stephen King.")]
    // "published by" names a publisher, not an author.
    [InlineData("Alan Moore wrote Watchmen.", "Watchmen was published by DC Comics.")]
    // A name before a comma is no maker: the sentence does not say who wrote the book.
    [InlineData("Shakespeare wrote Don Quixote.", "The novel Don Quixote, published in 1605, was translated into English by Thomas Shelton.")]
    // A passive without a maker: "Microsoft" is what was founded, not who founded Google.
    [InlineData("Microsoft was founded in 1998.", "In 1998, Google was founded by Larry Page and Sergey Brin.")]
    // Another work.
    [InlineData("Shakespeare wrote Hamlet.", "Christopher Marlowe wrote Doctor Faustus.")]
    // A negation on either side is left to the model.
    [InlineData("Shakespeare did not write Don Quixote.", "Miguel de Cervantes published the first part of Don Quixote in 1605.")]
    [InlineData("Shakespeare wrote Don Quixote.", "Don Quixote was not written by Miguel de Cervantes.")]
    public void Sentences_that_do_not_name_another_maker_of_the_same_work_credit_no_other_name(string claim, string evidence) =>
        Assert.NotEqual(WordingMatch.CreditsAnotherName, WordingCheck.Compare(claim, evidence));
}
