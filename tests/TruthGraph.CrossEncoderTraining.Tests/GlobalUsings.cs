// The tool's namespaces that most of these tests read. The tool is referenced under the alias "tool" (see the csproj),
// which a <Using> item cannot name, so they are declared here.
extern alias tool;

global using tool::TruthGraph.CrossEncoderTraining.Data;
global using tool::TruthGraph.CrossEncoderTraining.Encoder;
global using tool::TruthGraph.NliTraining.Data;
