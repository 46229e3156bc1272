using Spectre.Console.Cli;
using TruthGraph.CrossEncoderTraining.Training;

// Fine-tunes the MiniLM NLI cross-encoder adapters (models/nli-minilm-cross.*). See models/README.md.
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("TruthGraph.CrossEncoderTraining");
    config.AddCommand<TrainCommand>("train").WithDescription("Fine-tune adapters + head; writes checkpoints, learning curve and summary.");
    config.AddCommand<TuneSetCommand>("tune-set").WithDescription("Write a run's tuning claims: held-out CLIMATE-FEVER and FEVER claims.");
    config.AddCommand<TruthGraph.CrossEncoderTraining.Export.SoupCommand>("soup").WithDescription("Average adapters trained from one starting point (a model soup).");
    config.AddCommand<TruthGraph.CrossEncoderTraining.Export.PublishCommand>("publish").WithDescription("Copy a run's best adapter into models/ and write its manifest.");
});
return app.Run(args);
