/** Handlebars' compiler, by a name the build replaces: the bundles load it from dist/handlebars.cjs, and only for packs. */
import Handlebars from "handlebars";

export default Handlebars;
