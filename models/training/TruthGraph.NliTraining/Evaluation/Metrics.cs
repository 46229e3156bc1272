// The confusion matrix and macro-F1 are the services' (TruthGraph.ServiceDefaults/Measurement), so that the trainers
// tune on the definition the evaluation reports. Kept under this file and namespace because the unit-test project
// compiles this file in by path; it can go once those tests reference the trainer.
global using ConfusionMatrix = TruthGraph.ServiceDefaults.Measurement.ConfusionMatrix;

namespace TruthGraph.NliTraining.Evaluation;
