// Every library, loaded with this module and handed to the core: imported by
// the package's entry point (the synchronous parseReport may meet any input)
// and by the page's worker (its bundle holds them all anyway).

import * as opencc from 'opencc-js/t2cn';
import * as parse5 from 'parse5';
import Papa from 'papaparse';
import * as xlsx from 'xlsx';
import { type OpenCC, type Papa as PapaApi, provideLibraries } from './libraries.js';

provideLibraries({ parse5, xlsx, papaparse: Papa as PapaApi, opencc: opencc as OpenCC });
