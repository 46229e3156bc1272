using Spectre.Console.Cli;
using TruthGraph.NliTraining;

// Trains the default NLI head (models/nli-minilm-head.onnx + .json). See models/README.md.
var app = new CommandApp<TrainCommand>();
app.Configure(config => config.SetApplicationName("TruthGraph.NliTraining"));
return app.Run(args);
