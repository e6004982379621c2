# Sourced by bench/synthetic.sh and bench/side-by-side.sh (from the project's root): packages the project, copies the
# side-by-side kit ($KIT) into $SCRATCH, adapts the copy to this project's questions (bench/questions/adapt-kit.mjs),
# exports PROJECT_DIR and PROJECT_APP for the kit's start-project.sh, installs the kit's Node packages and leaves
# the shell in the copy.
./mvnw -B -q package -DskipTests
cp -r "$KIT/." "$SCRATCH"
node bench/questions/adapt-kit.mjs "$SCRATCH"
export PROJECT_DIR="$PWD" PROJECT_APP="$PWD/target/quarkus-app"
cd "$SCRATCH"
npm ci --no-audit --no-fund >/dev/null
